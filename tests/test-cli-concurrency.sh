#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Four processes editing one database at once, as four release managers'
# scripts would: creating releases, ticking items of one shared release,
# setting fields of it and adding scope to their own, while a fifth
# exports the plan. Every command succeeds (none says the database is
# locked), every export is a whole plan, and afterwards every write is
# there.
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"

procs=4
rounds=${RP_CONCURRENCY_ROUNDS:-10}
db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }
q() { sqlite3 -batch "$db" "$1"; }

# The shared release: an item for each process and round to tick. The
# plans process p imports in round r: the field of the shared release that
# is p's (summary, rollback plan, monitoring plan, release notes) set to
# "p-r", and p's own release with r scope items.
python3 - "$T" "$procs" "$rounds" <<'PY'
import json, sys
out, procs, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
fields = ["summary", "rollback_plan", "monitoring_plan", "release_notes"]

def plan(releases):
    return {"format": "release-planner/plan", "format_version": 1, "releases": releases}

shared = {"id": "shared", "name": "Shared", "checklist": [
    {"id": f"shared-{p}-{r}", "section": "Pre-Release", "text": f"Item {r} of process {p}", "state": "open"}
    for p in range(1, procs + 1) for r in range(1, rounds + 1)]}
with open(f"{out}/shared.json", "w") as f:
    json.dump(plan([shared]), f)
for p in range(1, procs + 1):
    for r in range(1, rounds + 1):
        own = {"id": f"own-{p}", "name": f"Own {p}",
               "scope": [{"id": f"own-{p}-s{k}", "title": f"Scope {k}"} for k in range(1, r + 1)]}
        with open(f"{out}/plan-{p}-{r}.json", "w") as f:
            json.dump(plan([{"id": "shared", "name": "Shared", fields[p - 1]: f"{p}-{r}"}, own]), f)
PY

expect 0 "the shared release" -- rp import "$T/shared.json"

# writer P: its rounds, each a new release, a tick and an import; the
# first command that fails ends it, with its error in $T/writer-P.err.
writer() {
  local p=$1 r
  while [ ! -e "$T/go" ]; do sleep 0.01; done
  for r in $(seq 1 "$rounds"); do
    rp new "P$p-$r" --template "Standard release" >>"$T/writer-$p.out" 2>"$T/writer-$p.err" || return 1
    rp tick Shared "shared-$p-$r" >>"$T/writer-$p.out" 2>"$T/writer-$p.err" || return 1
    rp import "$T/plan-$p-$r.json" >>"$T/writer-$p.out" 2>"$T/writer-$p.err" || return 1
  done
}

# The reader: exports until the writers are done.
reader() {
  local k=0
  while [ ! -e "$T/go" ]; do sleep 0.01; done
  while [ ! -e "$T/done" ]; do
    k=$((k + 1))
    rp export --format json -o "$T/export-$k.json" 2>"$T/reader.err" || return 1
  done
}

pids=()
for p in $(seq 1 "$procs"); do
  writer "$p" &
  pids+=("$!")
done
reader &
reader_pid=$!
touch "$T/go"
failed=0
for p in $(seq 1 "$procs"); do
  wait "${pids[$((p - 1))]}" || { echo "# writer $p failed:" >&2; cat "$T/writer-$p.err" >&2; failed=$((failed + 1)); }
done
touch "$T/done"
wait "$reader_pid" || { cat "$T/reader.err" >&2; fail "an export while the writers wrote failed"; }
[ "$failed" = 0 ] || fail "$failed of $procs writers had a command fail"
for p in $(seq 1 "$procs"); do
  lacks "writer-$p.err" "locked" "writer $p"
  lacks "writer-$p.err" "busy" "writer $p"
done
lacks reader.err "locked" "reader"
exports=$(ls "$T"/export-*.json | wc -l)
python3 - "$T"/export-*.json <<'PY' || fail "an export made while the writers wrote is not a whole plan"
import json, sys
for path in sys.argv[1:]:
    with open(path) as f:
        plan = json.load(f)
    assert plan["format"] == "release-planner/plan", path
    assert any(r["id"] == "shared" for r in plan["releases"]), path
PY
echo "# $procs writers, $((procs * rounds * 3)) commands, and $exports exports at the same time: all exited 0"
pass "$procs processes writing one database at once and one exporting: every command succeeds"

[ "$(q "PRAGMA integrity_check")" = ok ] || fail "integrity check"
got=$(q "SELECT count(*) FROM release WHERE name GLOB 'P[0-9]*-[0-9]*'")
[ "$got" = $((procs * rounds)) ] || fail "$got of $((procs * rounds)) new releases"
got=$(q "SELECT count(*) FROM checklist_item i JOIN checklist_section s ON s.id = i.section_id
         JOIN release r ON r.id = s.release_id WHERE r.name GLOB 'P[0-9]*-[0-9]*'")
[ "$got" = $((procs * rounds * 17)) ] || fail "$got of $((procs * rounds * 17)) checklist items of the new releases"
got=$(q "SELECT count(*) FROM checklist_item WHERE id LIKE 'shared-%' AND state = 'done'")
[ "$got" = $((procs * rounds)) ] || fail "$got of $((procs * rounds)) ticks of the shared release"
got=$(q "SELECT summary || ' ' || rollback_plan || ' ' || monitoring_plan || ' ' || release_notes
         FROM release WHERE id = 'shared'")
[ "$got" = "1-$rounds 2-$rounds 3-$rounds 4-$rounds" ] || fail "the shared release's fields: $got"
for p in $(seq 1 "$procs"); do
  got=$(q "SELECT count(*) FROM scope_item WHERE release_id = 'own-$p'")
  [ "$got" = "$rounds" ] || fail "$got of $rounds scope items of own-$p"
done
pass "no write is lost: every release, tick, field and scope item is there"

# --- a long write of another process ---------------------------------------------

# Importing a big plan holds the write lock for seconds (a 1,000-release
# plan: 5 to 11 s here): an edit made meanwhile waits for it rather than
# failing with "database is locked". Here another process holds the lock
# for 7 s, longer than the 5 s the store used to wait.
python3 - "$db" "$T/held" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE release SET summary = summary WHERE id = 'shared'")
open(sys.argv[2], "w").close()
time.sleep(7)
con.execute("COMMIT")
PY
holder=$!
while [ ! -e "$T/held" ]; do sleep 0.01; done
expect 0 "tick while another process holds the write lock for 7 s" -- rp tick Shared shared-1-1 --state na
lacks err "locked" "tick while another process holds the write lock"
wait "$holder" || fail "the process holding the lock failed"
[ "$(q "SELECT state FROM checklist_item WHERE id = 'shared-1-1'")" = na ] || fail "the tick that waited is lost"
pass "an edit waits for another process's long write instead of failing as locked"

echo "1..$n"
