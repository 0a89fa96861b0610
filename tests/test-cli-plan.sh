#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Plan files on the command line, with no database: --plan on the commands
# that read (and nothing written anywhere), the commands that write
# refused, check --all as a CI gate, diff and merge with their exit
# statuses. Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"
# Where a database would be if --plan wrote one.
export RELEASE_PLANNER_DB="$T/never.db"

sample="$SRC/../data/sample-plan.json"

# A plan as people write it: ids they chose, names, a few dates.
cat >"$T/plan.json" <<'JSON'
{
  "format": "release-planner/plan",
  "format_version": 1,
  "people": [{"id": "maya", "name": "Maya Okafor"}, {"id": "lena", "name": "Lena Vogel"}],
  "releases": [
    {"id": "payments-2027.1", "name": "Payments 2027.1", "version": "2027.1.0",
     "timeline": {"code_complete": "2027-01-20", "deploy": "2027-02-09"},
     "owners": {"release_manager": "maya"},
     "risks": [{"id": "double-capture", "title": "Payments captured twice", "likelihood": 2, "impact": 5}]},
    {"id": "search-v4", "name": "Search v4"}
  ]
}
JSON

nothing_written() {
  [ ! -e "$T/xdg" ] && [ ! -e "$T/never.db" ] || fail "$1: a database was written"
}

expect 0 "--plan list" -- "$BIN" --plan "$T/plan.json" list
has out "Payments 2027.1" "--plan list"
has out "payments-2027.1" "--plan list"
has out "2027-02-09" "--plan list"
expect 0 "--plan=FILE show" -- "$BIN" --plan="$T/plan.json" show payments-2027.1
has out "Maya Okafor" "--plan show"
expect 0 "--plan export" -- "$BIN" --plan "$T/plan.json" export --format json -o "$T/export.json"
has export.json '"id": "payments-2027.1"' "--plan export"
has export.json '"buffer_days": 2' "--plan export"
expect 0 "--plan export of the sample" -- "$BIN" --plan "$sample" export --format json
cmp -s "$T/out" "$sample" || fail "the sample plan read with --plan does not export as itself"
nothing_written "--plan"
pass "--plan: list, show and export read a plan file, and nothing is written"

for cmd in "new Hotfix" "import $T/plan.json" "tick payments-2027.1 Smoke" "demo" "decide search-v4 no-go"; do
  # shellcheck disable=SC2086
  expect 2 "--plan $cmd" -- "$BIN" --plan "$T/plan.json" $cmd
  has err "--plan only reads a plan file" "--plan $cmd"
done
expect 2 "--db and --plan" -- "$BIN" --db "$T/other.db" --plan "$T/plan.json" list
has err "give one of them" "--db and --plan"
[ ! -e "$T/other.db" ] || fail "--db and --plan: a database was written"
nothing_written "refused commands"
pass "--plan: the commands that write are refused"

printf '%s\n' '{"format": "release-planner/plan", "format_version": 1,' \
  ' "releases": [{"id": "search v4", "name": "Search"}, {"id": "x", "name": "X", "timeline": {"deploy": "soon"}}]}' \
  >"$T/bad.json"
expect 2 "--plan bad file" -- "$BIN" --plan "$T/bad.json" list
has err "bad.json: releases[0].id: must be 1 to 200 letters, digits" "--plan bad file"
has err "releases[1].timeline.deploy: must be a date YYYY-MM-DD (got “soon”)" "--plan bad file"
expect 2 "--plan missing file" -- "$BIN" --plan "$T/missing.json" list
has err "missing.json" "--plan missing file"
nothing_written "bad files"
pass "--plan: a bad plan file is an error, each problem with its JSON path"

# The CI gate, as a pipeline would run it (once the check command exists).
if "$BIN" help | grep -q '^  check '; then
  printf '%s\n' 'set -e' "\"$BIN\" --plan \"$T/plan.json\" check --all" 'echo "deploying"' >"$T/ci.sh"
  expect 1 "CI gate on a no-go plan" -- bash "$T/ci.sh"
  lacks out "deploying" "CI gate"
  nothing_written "check --all"
  pass "--plan plan.json check --all fails the pipeline on a no-go"
fi

# diff
expect 0 "diff of a file and its export" -- "$BIN" diff "$T/plan.json" "$T/export.json"
same "$T/out" "No changes: both files hold the same plan." "diff of a file and its export"
sed -e 's/"deploy": "2027-02-09"/"deploy": "2027-02-11"/' \
    -e 's/"likelihood": 2/"likelihood": 4/' "$T/plan.json" >"$T/new.json"
expect 1 "diff" -- "$BIN" diff "$T/plan.json" "$T/new.json"
same "$T/out" "Payments 2027.1: deploy moved from Tue 9 Feb to Thu 11 Feb; risk “Payments captured twice”: likelihood 2 → 4, score 10 → 20" "diff"
expect 1 "diff from standard input" -- sh -c "\"$BIN\" diff - \"$T/new.json\" <\"$T/plan.json\""
has out "deploy moved from Tue 9 Feb to Thu 11 Feb" "diff -"
expect 1 "diff --format json" -- "$BIN" diff --format json "$T/plan.json" "$T/new.json"
has out '"equal": false' "diff --format json"
has out '"path": "releases[0].timeline.deploy"' "diff --format json"
expect 2 "diff of a bad file" -- "$BIN" diff "$T/plan.json" "$T/bad.json"
has err "bad.json: releases[0].id" "diff of a bad file"
expect 2 "diff --format yaml" -- "$BIN" diff --format yaml "$T/plan.json" "$T/new.json"
expect 2 "diff with one file" -- "$BIN" diff "$T/plan.json"
nothing_written "diff"
pass "diff: 0 when the same plan, 1 with what changed in words (or JSON), 2 on an error"

# merge
sed -e 's/"version": "2027.1.0"/"version": "2027.1.1"/' "$T/plan.json" >"$T/theirs.json"
expect 0 "merge" -- "$BIN" merge "$T/plan.json" "$T/new.json" "$T/theirs.json" -o "$T/merged.json"
[ ! -s "$T/out" ] || fail "merge -o wrote to standard output"
expect 1 "diff of the merge" -- "$BIN" diff "$T/plan.json" "$T/merged.json"
same "$T/out" "Payments 2027.1: version “2027.1.0” → “2027.1.1”; deploy moved from Tue 9 Feb to Thu 11 Feb; risk “Payments captured twice”: likelihood 2 → 4, score 10 → 20" "merge"
expect 0 "merge to standard output" -- "$BIN" merge "$T/plan.json" "$T/new.json" "$T/theirs.json"
cmp -s "$T/out" "$T/merged.json" || fail "merge to standard output differs from merge -o"
pass "merge: edits of different fields merge cleanly, in the exported form"

sed -e 's/"deploy": "2027-02-09"/"deploy": "2027-02-10"/' "$T/plan.json" >"$T/other.json"
expect 1 "merge with a conflict" -- "$BIN" merge "$T/plan.json" "$T/new.json" "$T/other.json" -o "$T/conflict.json"
has err 'CONFLICT releases[0].timeline.deploy (release “Payments 2027.1”): ours "2027-02-11", theirs "2027-02-10", base "2027-02-09"; kept ours' "merge conflict"
has err "merge: 1 conflict; the merged plan keeps ours for it" "merge conflict"
has conflict.json '"deploy": "2027-02-11"' "merge conflict"
has conflict.json '"likelihood": 4' "merge conflict"
cp "$T/merged.json" "$T/keep.json"
expect 2 "merge of a bad file" -- "$BIN" merge "$T/plan.json" "$T/bad.json" "$T/other.json" -o "$T/keep.json"
cmp -s "$T/keep.json" "$T/merged.json" || fail "a merge that failed wrote its output"
pass "merge: a field changed both ways is a conflict with its path and values (exit 1); an error writes nothing (exit 2)"

echo "1..$n"
