#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Plans in git, with real git: a repository with a plan file written by
# hand and the merge driver configured as the README says; two branches
# that edit different releases and different fields of one release merge
# with no conflict into the union; the same field changed both ways stops
# with a clear conflict; diff of the two sides reads as intended.
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"
# A git of its own: no user or system configuration.
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Test" GIT_AUTHOR_EMAIL="test@example.org"
export GIT_COMMITTER_NAME="Test" GIT_COMMITTER_EMAIL="test@example.org"

command -v git >/dev/null || fail "git is not installed (./build-aux/dev test installs it)"
mkdir -p "$HOME" "$T/repo"
cd "$T/repo"
git init -q -b main

cat >plan.json <<'JSON'
{
  "format": "release-planner/plan",
  "format_version": 1,
  "people": [
    {"id": "maya", "name": "Maya Okafor"},
    {"id": "lena", "name": "Lena Vogel"}
  ],
  "releases": [
    {
      "id": "payments-2027.1",
      "name": "Payments 2027.1",
      "version": "2027.1.0",
      "timeline": {"code_complete": "2027-01-20", "deploy": "2027-02-09"},
      "owners": {"release_manager": "maya", "on_call": ["lena"]},
      "risks": [
        {"id": "double-capture", "title": "Payments captured twice", "likelihood": 2, "impact": 5}
      ],
      "checklist": [
        {"id": "tests", "section": "Pre-Release", "text": "Tests passing"},
        {"id": "staging", "section": "Pre-Release", "text": "Staging verified"},
        {"id": "notes", "section": "Pre-Release", "text": "Release notes written"},
        {"id": "smoke", "section": "Deploy", "text": "Smoke tests"}
      ]
    },
    {
      "id": "search-v4",
      "name": "Search v4",
      "timeline": {"deploy": "2026-11-25"}
    }
  ]
}
JSON
# The merge driver, exactly as the README says.
echo 'plan.json merge=releaseplanner' >.gitattributes
git config merge.releaseplanner.name "Release Planner plan files"
git config merge.releaseplanner.driver "\"$BIN\" merge %O %A %B -o %A"
git add plan.json .gitattributes
git commit -q -m "The plan"
pass "a repository with a hand-written plan file and the merge driver"

# Ana moves the deploy and adds a risk.
git checkout -q -b ana
sed -i -e 's/"deploy": "2027-02-09"/"deploy": "2027-02-11"/' \
       -e 's/^      "risks": \[$/      "risks": [\n        {"id": "psp-outage", "title": "PSP outage", "likelihood": 3, "impact": 4},/' plan.json
git commit -q -am "Payments: deploy on Thursday; the PSP outage risk"

# Ben moves Search to testing, bumps the Payments version and ticks three items.
git checkout -q -b ben main
sed -i -e 's/"name": "Search v4",/"name": "Search v4",\n      "status": "testing",/' \
       -e 's/"version": "2027.1.0"/"version": "2027.1.1"/' \
       -e 's/"text": "Tests passing"}/"text": "Tests passing", "state": "done"}/' \
       -e 's/"text": "Staging verified"}/"text": "Staging verified", "state": "done"}/' \
       -e 's/"text": "Release notes written"}/"text": "Release notes written", "state": "done"}/' plan.json
git commit -q -am "Search in testing; Payments 2027.1.1; pre-release checks done"

# What each side did, as a reviewer reads it in the pull request.
git show ana:plan.json >"$T/ana.json"
git show main:plan.json >"$T/main.json"
expect 1 "diff of ana" -- "$BIN" diff "$T/main.json" "$T/ana.json"
same "$T/out" "Payments 2027.1: deploy moved from Tue 9 Feb to Thu 11 Feb; risk “PSP outage” added (score 12)" "diff of ana"
expect 1 "diff of ben" -- sh -c "git show main:plan.json | \"$BIN\" diff - plan.json"
same "$T/out" "Payments 2027.1: version “2027.1.0” → “2027.1.1”; 3 checklist items done
Search v4: status planning → testing" "diff of ben"
pass "diff of each branch reads as intended"

# Both into ana: the driver merges by id and field, no conflict.
git checkout -q ana
expect 0 "git merge ben" -- git merge --no-edit ben
lacks out "CONFLICT" "git merge ben"
[ -z "$(git status --porcelain)" ] || fail "the merge left changes behind: $(git status --porcelain)"
git log -1 --format=%P | grep -q ' ' || fail "no merge commit"
expect 1 "diff of the merge" -- "$BIN" diff "$T/main.json" plan.json
same "$T/out" "Payments 2027.1: version “2027.1.0” → “2027.1.1”; deploy moved from Tue 9 Feb to Thu 11 Feb; risk “PSP outage” added (score 12); 3 checklist items done
Search v4: status planning → testing" "diff of the merge"
expect 0 "show the merged release" -- "$BIN" --plan plan.json show payments-2027.1
has out "2027-02-11" "the merged plan"
has out "2027.1.1" "the merged plan"
# The merged file is in the exported form: merging again changes nothing.
expect 0 "export of the merge" -- "$BIN" --plan plan.json export --format json
cmp -s "$T/out" plan.json || fail "the merged file is not in the exported form"
pass "two branches editing different releases and fields of one release merge into the union"

# Cara and Dan both move the deploy, to different days.
git checkout -q -b cara
sed -i 's/"deploy": "2027-02-11"/"deploy": "2027-02-10"/' plan.json
git commit -q -am "Payments: deploy on Wednesday"
git checkout -q -b dan ana
sed -i 's/"deploy": "2027-02-11"/"deploy": "2027-02-12"/' plan.json
git commit -q -am "Payments: deploy on Friday"
git checkout -q cara
expect 1 "git merge dan" -- git merge --no-edit dan
has err 'CONFLICT releases[0].timeline.deploy (release “Payments 2027.1”): ours "2027-02-10", theirs "2027-02-12", base "2027-02-11"; kept ours' "git merge dan"
has out "CONFLICT (content): Merge conflict in plan.json" "git merge dan"
[ "$(git diff --name-only --diff-filter=U)" = "plan.json" ] || fail "plan.json is not left in conflict"
grep -q '"deploy": "2027-02-10"' plan.json || fail "the conflicted file does not keep ours"
git merge --abort
pass "the same field changed both ways stops with a clear conflict"

echo "1..$n"
