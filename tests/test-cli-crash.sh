#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writers killed with SIGKILL at random moments: after every kill the
# database passes PRAGMA integrity_check, an import is all or nothing, and
# at the end every write that was acknowledged (its command exited 0 before
# the kill) is there.
# Arguments: the release-planner binary, the tests source dir.
# RP_CRASH_SEED repeats a run; RP_CRASH_TRIALS sets how many kills (120).
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"

trials=${RP_CRASH_TRIALS:-120}
seed=${RP_CRASH_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
echo "# seed $seed, $trials trials (RP_CRASH_SEED=$seed RP_CRASH_TRIALS=$trials repeats them)"
RANDOM=$seed

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }
q() { sqlite3 -batch "$db" "$1"; }

# The plans the imports write: a base release whose 200 open items the
# ticks take one by one, and for trial t three new releases "imp-t-*" with
# 100 checklist items and 4 scope items each, besides the base's own fields
# (so an import also updates a row that is there, and leaves its checklist).
python3 - "$T" "$trials" <<'PY'
import json, sys
out, trials = sys.argv[1], int(sys.argv[2])

def release(rid, items):
    return {
        "id": rid, "name": rid, "version": "1.0", "summary": "Summary of " + rid,
        "status": "development",
        "scope": [{"id": f"{rid}-s{k}", "title": f"Scope {k}", "status": "planned",
                   "acceptance_criteria": [{"id": f"{rid}-s{k}-ac", "text": "Works", "met": False}]}
                  for k in range(4)],
        "checklist": [{"id": f"{rid}-i{k}", "section": "Pre-Release", "text": f"Item {k} of {rid}",
                       "state": "open"} for k in range(items)],
    }

def plan(releases):
    return {"format": "release-planner/plan", "format_version": 1, "releases": releases}

base = release("base", 200)
with open(f"{out}/base.json", "w") as f:
    json.dump(plan([base]), f)
for t in range(1, trials + 1):
    with open(f"{out}/imp-{t}.json", "w") as f:
        json.dump(plan([{"id": "base", "name": "base", "summary": f"Import {t}"}] + [release(f"imp-{t}-{r}", 100) for r in range(3)]), f)
PY

expect 0 "first import" -- rp import "$T/base.json"
[ "$(q "SELECT count(*) FROM checklist_item WHERE id LIKE 'base-i%'")" = 200 ] || fail "base: not 200 items"

# How long each writer takes when it is not killed, in microseconds: the
# kills land anywhere from before the database is opened to after the commit.
# (The calibrating ticks are of base-i199, which no trial ticks.)
now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$((10#$t))"; }
declare -A took
calibrate() {
  local kind=$1 start k
  local -a runs=()
  shift
  for k in 1 2 3; do
    start=$(now_us)
    "$@" >/dev/null 2>&1 || fail "calibrating $kind: $* failed"
    runs+=($(( $(now_us) - start )))
  done
  # The median of three.
  took[$kind]=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
}
calibrate import rp import "$T/base.json"
calibrate new rp new "Calibration" --template "Standard release"
calibrate tick rp tick base base-i199
echo "# unkilled: import ${took[import]} µs, new ${took[new]} µs, tick ${took[tick]} µs"

acked_new=() acked_import=() acked_tick=() killed_tick=()
killed=0 finished=0 written=0 next_item=0

for t in $(seq 1 "$trials"); do
  case $((RANDOM % 3)) in
    0) kind=import; cmd=(import "$T/imp-$t.json") ;;
    1) kind=new; cmd=(new "new-$t" --template "Standard release" --summary "Trial $t") ;;
    2) kind=tick; cmd=(tick base "base-i$next_item"); item=$next_item; next_item=$((next_item + 1)) ;;
  esac
  # Between half and 1.5 times the unkilled run: the writes come at the
  # end of it (before, the program starts and reads the plan), and some
  # finish. A quarter of the kills land anywhere from the start.
  if ((RANDOM % 4 == 0)); then
    delay=$(( (RANDOM * 32768 + RANDOM) % (took[$kind] * 3 / 2 + 1) ))
  else
    delay=$(( took[$kind] / 2 + (RANDOM * 32768 + RANDOM) % (took[$kind] + 1) ))
  fi
  # The binary itself, not a shell function around it: the kill is its.
  "$BIN" --db "$db" "${cmd[@]}" >"$T/trial.out" 2>"$T/trial.err" &
  pid=$!
  sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
  kill -9 "$pid" 2>/dev/null || true
  set +e
  { wait "$pid"; } 2>/dev/null
  status=$?
  set -e
  if [ "$status" = 0 ]; then
    finished=$((finished + 1))
    case $kind in
      import) acked_import+=("$t") ;;
      new) acked_new+=("$t") ;;
      tick) acked_tick+=("$item") ;;
    esac
  elif [ "$status" = 137 ]; then
    killed=$((killed + 1))
    [ "$kind" = tick ] && killed_tick+=("$item")
  else
    cat "$T/trial.err" >&2
    fail "trial $t ($kind, seed $seed): exit $status, neither finished nor killed"
  fi

  check=$(q "PRAGMA integrity_check")
  [ "$check" = ok ] || { echo "$check" >&2; fail "trial $t ($kind after ${delay} µs, seed $seed): integrity check failed"; }
  # All or nothing: the releases and items of an import, the checklist of a new release.
  if [ "$kind" = import ]; then
    got=$(q "SELECT (SELECT count(*) FROM release WHERE id LIKE 'imp-$t-%') || ' ' ||
                    (SELECT count(*) FROM checklist_item WHERE id LIKE 'imp-$t-%') || ' ' ||
                    (SELECT count(*) FROM acceptance_criterion WHERE id LIKE 'imp-$t-%')")
    case $got in
      "0 0 0") ;;
      "3 300 12") [ "$status" = 0 ] || written=$((written + 1)) ;;
      *) fail "trial $t (import, seed $seed): half an import: releases, items, criteria = $got" ;;
    esac
  elif [ "$kind" = new ]; then
    got=$(q "SELECT count(*) FROM checklist_item i JOIN checklist_section s ON s.id = i.section_id
                 JOIN release r ON r.id = s.release_id WHERE r.name = 'new-$t'")
    case $got in
      0) ;;
      17) [ "$status" = 0 ] || written=$((written + 1)) ;;
      *) fail "trial $t (new, seed $seed): a release with $got of its 17 items" ;;
    esac
  fi
done
echo "# $killed killed ($written of them after their commit), $finished finished before the kill"
pass "$trials writers killed at random moments: the database passes integrity_check after each, imports and new releases all or nothing"

for t in ${acked_import[@]+"${acked_import[@]}"}; do
  [ "$(q "SELECT count(*) FROM release WHERE id LIKE 'imp-$t-%'")" = 3 ] ||
    fail "the acknowledged import of trial $t is lost (seed $seed)"
done
for t in ${acked_new[@]+"${acked_new[@]}"}; do
  [ "$(q "SELECT summary FROM release WHERE name = 'new-$t'")" = "Trial $t" ] ||
    fail "the acknowledged release new-$t is lost (seed $seed)"
done
for i in ${acked_tick[@]+"${acked_tick[@]}"}; do
  [ "$(q "SELECT state FROM checklist_item WHERE id = 'base-i$i'")" = done ] ||
    fail "the acknowledged tick of base-i$i is lost (seed $seed)"
done
# Nothing else was ticked: the untouched items are open, the killed ticks
# either done or open.
untouched=$(q "SELECT count(*) FROM checklist_item WHERE id LIKE 'base-i%' AND state != 'open'
               AND CAST(substr(id, 7) AS INTEGER) >= $next_item AND id != 'base-i199'")
[ "$untouched" = 0 ] || fail "$untouched items nobody ticked are not open (seed $seed)"
echo "# acknowledged: ${#acked_import[@]} imports, ${#acked_new[@]} new releases, ${#acked_tick[@]} ticks"
pass "every acknowledged import, new release and tick is in the database"

# And the program reads it: list and a full export succeed.
expect 0 "list after the kills" -- rp list
has out "base" "list after the kills"
expect 0 "export after the kills" -- rp export --format json
pass "the database opens and exports after the kills"

echo "1..$n"
