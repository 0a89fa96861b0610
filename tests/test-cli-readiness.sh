#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check and decide from the command line, through the real binary with no
# display, on the sample plan: exit codes (0 go or go with risks, 1 no-go,
# 2 error), --today, --format json (parsed by python3 -m json.tool), --all,
# and a decision recorded with its snapshot, or refused without --notes.
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"
# json EXPR: evaluates EXPR over the JSON in $T/out (as j), after json.tool accepted it
json() {
  python3 -m json.tool "$T/out" >/dev/null || fail "not JSON: $(cat "$T/out")"
  python3 -c "import json, sys; j = json.load(open(sys.argv[1])); print($1)" "$T/out"
}

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }
day=2026-11-24

for cmd in check decide; do
  expect 0 "$cmd --help" -- rp "$cmd" --help
  has out "Usage:" "$cmd --help"
  has out "Exit status" "$cmd --help"
done
pass "--help on check and decide"

expect 0 "demo" -- rp demo

# The four releases of the sample, as a release manager would see them.
expect 1 "check planning" -- rp check "Payments platform 2027.1" --today $day
has out "Payments platform 2027.1 (2027.1.0) — NO-GO" "planning release"
has out "The release has no rollback plan" "planning release"
has out "names the flag “psp-v2-routing”, which is not among the release’s feature flags" "planning release"
expect 1 "check testing" -- rp check "5.0.0" --today $day
has out "Mobile app 5.0 (5.0.0) — NO-GO (8 blockers, 1 warning)" "testing release"
has out "Dependency “Auth service 3.2: token refresh endpoint for passkeys” is blocked" "testing release"
has out "→ Get the dependency resolved before the deploy, or move the deploy." "testing release"
expect 0 "check deploying" -- rp check "Search relevance v4" --today $day
has out "— GO WITH RISKS (1 warning)" "deploying release"
lacks out "Blockers" "deploying release"
expect 0 "check released" -- rp check "Checkout 2.3" --today $day
has out "Flag “new-checkout-flow” is still at 100% 27 days after the release" "released release"
pass "check gives each sample release its verdict and exit status"

# The blockers come before the warnings, the verdict before both.
expect 1 "check testing" -- rp check "Mobile app 5.0" --today $day
[ "$(head -c 14 "$T/out")" = "Mobile app 5.0" ] || fail "the verdict comes first"
b=$(grep -n "^Blockers" "$T/out" | cut -d: -f1)
w=$(grep -n "^Warnings" "$T/out" | cut -d: -f1)
[ "$b" -lt "$w" ] || fail "blockers before warnings"
pass "text output: verdict, then blockers, then warnings"

# --today moves the rules: before the Mobile app's code complete nothing
# is late yet; the checkout's flags were not stale 14 days after release.
expect 1 "check before code complete" -- rp check "Mobile app 5.0" --today 2026-11-20
lacks out "scope.not-done" "code complete today"
expect 1 "check after code complete" -- rp check "Mobile app 5.0" --today 2026-11-21
has out "scope.not-done" "code complete yesterday"
expect 0 "check released early" -- rp check "Checkout 2.3" --today 2026-11-11
lacks out "flags.stale" "14 days after the release"
has out "— GO (nothing to fix)" "14 days after the release"
pass "--today is the day the rules check for"

expect 0 "json" -- rp check "Search relevance v4" --today $day --format json
[ "$(json 'j["verdict"]')" = go_with_risks ] || fail "json verdict"
[ "$(json '[f["rule"] for f in j["findings"]]')" = "['scope.no-criteria']" ] || fail "json findings"
[ "$(json 'j["findings"][0]["subject"]')" = "{'entity': 'scope_item', 'id': '0ae8582f-2079-5429-b1ba-b7e6d534b394', 'field': 'criteria'}" ] ||
  fail "json subject: $(json 'j["findings"][0]["subject"]')"
[ "$(json 'list(j.keys())')" = "['verdict', 'findings']" ] || fail "json keys"
expect 1 "json no-go" -- rp check "Payments platform 2027.1" --today $day --format json
[ "$(json 'j["verdict"]')" = no_go ] || fail "json no-go verdict"
[ "$(json '{"entity": "release", "id": "63689aa3-9ce5-532e-8fd8-bff006e832c8", "field": "rollback_plan"} in [f["subject"] for f in j["findings"]]')" = True ] ||
  fail "json release field subject"
[ "$(json 'sorted(set(f["severity"] for f in j["findings"]))')" = "['blocker', 'warning']" ] || fail "json severities"
pass "--format json writes the snapshot"

expect 1 "check --all" -- rp check --all --today $day
has out "3 releases checked: 0 go, 1 go with risks, 2 no-go." "check --all"
has out "Search relevance v4 (4.1.0) — GO WITH RISKS" "check --all"
lacks out "Checkout 2.3" "check --all leaves out released releases"
expect 1 "check --all json" -- rp check --all --today $day --format json
[ "$(json '[(r["name"], r["verdict"]) for r in j]')" = "[('Payments platform 2027.1', 'no_go'), ('Mobile app 5.0', 'no_go'), ('Search relevance v4', 'go_with_risks')]" ] ||
  fail "check --all json: $(json '[(r["name"], r["verdict"]) for r in j]')"
[ "$(json 'list(j[0].keys())')" = "['release', 'name', 'verdict', 'findings']" ] || fail "check --all json keys"
pass "check --all checks every release still to ship; 1 when one is a no-go"

expect 2 "unknown release" -- rp check "Nope 9" --today $day
has err "Nope 9" "unknown release"
expect 2 "bad date" -- rp check "Mobile app 5.0" --today tomorrow
has err "--today must be a date like 2026-11-24, not “tomorrow”" "bad date"
expect 2 "impossible date" -- rp check "Mobile app 5.0" --today 2026-02-30
expect 2 "bad format" -- rp check "Mobile app 5.0" --format xml
has err "--format must be text or json" "bad format"
expect 2 "no release" -- rp check
expect 2 "--all and a release" -- rp check --all "Mobile app 5.0"
[ ! -s "$T/out" ] || fail "errors write nothing to stdout"
pass "errors exit 2 with a message on stderr"

# A plan whose only release still to ship is ready: check --all exits 0.
cat >"$T/ready.json" <<'JSON'
{ "format": "release-planner/plan", "format_version": 1, "freeze_windows": [],
  "people": [ {"id": "p1", "name": "Ana Lima", "email": null} ],
  "releases": [ {
    "id": "r1", "name": "Ready 1.0", "version": null, "summary": null, "status": "testing",
    "timeline": {"code_complete": "2026-11-16", "testing_start": "2026-11-17", "testing_end": "2026-11-20",
                 "deploy": "2026-11-26", "deploy_window": null, "buffer_days": 2, "monitoring_hours": 24},
    "owners": {"release_manager": "p1", "go_no_go": "p1", "on_call": ["p1"], "qa": [], "components": []},
    "rollback_plan": "Redeploy 0.9", "monitoring_plan": "Error rate alerts", "release_notes": null,
    "scope": [], "dependencies": [], "risks": [],
    "checklist_sections": [ {"name": "Pre-Release", "complete_before_deploy": true} ],
    "checklist": [ {"id": "c1", "section": "Pre-Release", "text": "Staging tested and verified", "state": "done",
                    "assignee": null, "due": null, "notes": null} ],
    "rollout": [ {"id": "s1", "name": "Canary", "percent": 5, "hold_minutes": 60, "status": "pending", "criteria": null},
                 {"id": "s2", "name": "Everyone", "percent": 100, "hold_minutes": 0, "status": "pending",
                  "criteria": null} ],
    "feature_flags": [], "decisions": [],
    "post_release": {"released_at": null, "postmortem": "none", "postmortem_date": null, "feedback": null} } ] }
JSON
ready="$T/ready.db"
expect 0 "import ready" -- "$BIN" --db "$ready" import "$T/ready.json"
expect 0 "check --all ready" -- "$BIN" --db "$ready" check --all --today $day
has out "Ready 1.0 — GO (nothing to fix)" "ready release"
has out "1 release checked: 1 go, 0 go with risks, 0 no-go." "ready release"
pass "check --all exits 0 when every release may ship"

# decide: a go over blockers needs a reason.
expect 1 "go over blockers" -- rp decide "Mobile app 5.0" go --today $day
has err "“Mobile app 5.0” has 8 blockers: a go over them needs notes" "go over blockers"
has err "Dependency “Auth service 3.2: token refresh endpoint for passkeys” is blocked [deps.unresolved]" "go over blockers"
expect 1 "go with risks over blockers" -- rp decide "Mobile app 5.0" go-with-risks --today $day --notes "  "
expect 0 "export" -- rp export --format json
[ "$(json '[len(r["decisions"]) for r in j["releases"]]')" = "[0, 0, 1, 1]" ] || fail "a refused decision is not recorded"
pass "decide refuses a go over blockers without --notes, and records nothing"

expect 0 "go with notes" -- rp decide "Mobile app 5.0" go --today $day --notes "The passkey item ships dark; the store review is booked."
has out "Recorded GO for “Mobile app 5.0” by Daniel Brandt at " "go with notes"
has out "Readiness at that moment: NO-GO (8 blockers, 1 warning)." "go with notes"
expect 0 "no-go by someone else" -- rp decide "Mobile app 5.0" no-go --by "maya okafor" --today $day
has out "by Maya Okafor" "no-go by someone else"
expect 0 "export" -- rp export --format json
[ "$(json '[(d["decision"], d["by"], d["readiness"]["verdict"], len(d["readiness"]["findings"])) for d in j["releases"][1]["decisions"]]')" = \
  "[('go', '3e47fe3f-ce10-59c5-ba8f-e5fd37a3eef5', 'no_go', 9), ('no_go', '05736d2a-e4b3-563c-85ec-c10f65628b4c', 'no_go', 9)]" ] ||
  fail "decisions: $(json '[(d["decision"], d["by"], d["readiness"]["verdict"]) for d in j["releases"][1]["decisions"]]')"
pass "decide records the decision with its readiness snapshot, by the go/no-go owner by default"

expect 2 "bad decision" -- rp decide "Mobile app 5.0" maybe
has err "the decision is go, no-go or go-with-risks, not “maybe”" "bad decision"
expect 2 "unknown person" -- rp decide "Mobile app 5.0" no-go --by "Nobody Here"
has err "nobody called “Nobody Here”" "unknown person"
expect 2 "unknown release" -- rp decide "Nope 9" no-go
expect 2 "bad date" -- rp decide "Mobile app 5.0" no-go --today 24.11.2026
expect 2 "missing decision" -- rp decide "Mobile app 5.0"
pass "decide errors exit 2"

echo "1..$n"
