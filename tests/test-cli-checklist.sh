#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checklists from the command line, through the real binary with no
# display: templates, new --template, tick (by prefix, by id, ambiguous,
# unknown) and the checklist export.
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }

for cmd in tick templates; do
  expect 0 "$cmd --help" -- rp "$cmd" --help
  has out "Usage:" "$cmd --help"
done
has out "checklist templates" "templates --help"
pass "--help on tick and templates"

expect 0 "templates" -- rp templates
has out "Standard release" "templates"
has out "Full lifecycle" "templates"
has out "7f9c2a4e-5b1d-4c3e-9a8f-0d6e1b2c3a01" "templates"
grep -E "^Standard release +7f9c2a4e-5b1d-4c3e-9a8f-0d6e1b2c3a01 +3 +17$" "$T/out" >/dev/null ||
  { cat "$T/out" >&2; fail "templates: Standard release has 3 sections and 17 items"; }
grep -E "^Full lifecycle +7f9c2a4e-5b1d-4c3e-9a8f-0d6e1b2c3a02 +5 +[0-9]+$" "$T/out" >/dev/null ||
  { cat "$T/out" >&2; fail "templates: Full lifecycle has 5 sections"; }
expect 2 "templates with an argument" -- rp templates extra
pass "templates lists both built-ins with their ids and counts"

expect 0 "new R1" -- rp new R1 --template "Standard release"
expect 0 "export R1" -- rp export R1 --format checklist
cmp -s "$T/out" "$SRC/data/checklist-standard.md" || { diff "$SRC/data/checklist-standard.md" "$T/out" >&2 || true; fail "a new release from Standard release exports the article's checklist"; }
pass "new --template \"Standard release\" gives the article's checklist"

expect 0 "tick by prefix" -- rp tick R1 "All tests"
has out "All tests passing" "tick"
has out "done" "tick"
has out "1 of 17" "tick"
expect 0 "export after tick" -- rp export R1 --format checklist
has out "- [x] All tests passing" "export after tick"
has out "- [ ] All features complete and merged" "export after tick"
pass "tick R1 \"All tests\" marks it done"

cp "$T/out" "$T/before.md"
expect 1 "ambiguous tick" -- rp tick R1 "S"
has err "Staging tested and verified" "ambiguous tick"
has err "Smoke tests passing" "ambiguous tick"
has err "Stakeholders notified" "ambiguous tick"
lacks out "done" "ambiguous tick"
expect 0 "export after ambiguous tick" -- rp export R1 --format checklist
cmp -s "$T/out" "$T/before.md" || fail "an ambiguous tick changed the checklist"
pass "an ambiguous prefix lists the candidates, exits 1 and changes nothing"

expect 1 "ambiguous tick" -- rp tick R1 "s"
smoke_id=$(sed -n 's/^ *Smoke tests passing (\([0-9a-f-]*\))$/\1/p' "$T/err")
[ -n "$smoke_id" ] || { cat "$T/err" >&2; fail "the candidates come with their ids"; }
expect 0 "tick by id" -- rp tick R1 "$smoke_id"
has out "Smoke tests passing" "tick by id"
expect 0 "export" -- rp export R1 --format checklist
has out "- [x] Smoke tests passing" "tick by id"
pass "tick by id"

expect 0 "tick --state na" -- rp tick R1 "staging" --state na
expect 0 "export" -- rp export R1 --format checklist
has out "- [x] ~~Staging tested and verified~~ (n/a)" "tick --state na"
expect 0 "tick --state open" -- rp tick R1 "all tests passing" --state=open
expect 0 "export" -- rp export R1 --format checklist
has out "- [ ] All tests passing" "tick --state open"
expect 0 "tick twice" -- rp tick R1 "smoke"
has out "already" "tick twice"
pass "--state na and open; ticking a done item changes nothing"

rp export R1 --format checklist >"$T/before.md"
expect 1 "unknown item" -- rp tick R1 "no such item"
has err "no such item" "unknown item"
expect 2 "bad state" -- rp tick R1 "smoke" --state finished
has err "finished" "bad state"
expect 2 "unknown release" -- rp tick R9 "smoke"
expect 2 "missing item" -- rp tick R1
rp export R1 --format checklist | cmp -s - "$T/before.md" || fail "a failed tick changed the checklist"
pass "errors: unknown item (1), bad state, unknown release, missing argument (2), nothing changed"

expect 0 "new R2" -- rp new R2 --template "full LIFECYCLE"
expect 0 "export R2" -- rp export R2 --format checklist
for phase in Planning Development Testing Deployment Post-Release; do
  has out "## $phase" "full lifecycle"
done
[ "$(grep -c '^- \[ \] ' "$T/out")" -gt 20 ] || fail "full lifecycle has its practices"
expect 0 "tick in R2" -- rp tick R2 "dependencies"
expect 0 "export R1" -- rp export R1 --format checklist
cmp -s "$T/out" "$T/before.md" || fail "ticking R2 changed R1"
pass "a release from Full lifecycle, ticked on its own"

echo "1..$n"
