#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a new user does first on the command line, through the real binary
# with no display: load the sample plan, edit it, load it again (nothing
# is overwritten).
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }

expect 0 "demo" -- rp demo
has out "4 releases added." "demo"
expect 0 "tick" -- rp tick 2027.1.0 "All tests pass"
expect 0 "export before" -- rp export --format json -o "$T/before.json"
expect 0 "demo again" -- rp demo
has out "0 releases added." "demo again"
has out "4 releases of the sample were there already and are kept as they are." "demo again"
expect 0 "export after" -- rp export --format json -o "$T/after.json"
cmp -s "$T/before.json" "$T/after.json" || { diff "$T/before.json" "$T/after.json" >&2 || true; fail "demo again changed the plan"; }
pass "demo into a plan that holds the sample overwrites nothing"

# `show` says every value in words, none of the stored keys.
expect 0 "show" -- rp show "Payments platform 2027.1"
has out "  Status             Planning" "show"
has out "  Release manager    Maya Okafor" "show"
has out "  Go/no-go decision  Daniel Brandt" "show"
has out "  Component owner    Lena Vogel (Payment service)" "show"
has out "  [In progress] Route card payments" "show"
has out "(Vendor)" "show"
for key in release_manager go_no_go on_call component planning in_progress "[planned]" "[open]" vendor "[pending]" "[off]"; do
  lacks out "$key" "show: $key"
done
pass "show prints words, not the stored keys"

# One release: the singular.
expect 0 "new" -- "$BIN" --db "$T/one.db" new "Solo"
expect 0 "export one" -- "$BIN" --db "$T/one.db" export --format json -o "$T/one.json"
expect 0 "import one" -- "$BIN" --db "$T/empty.db" import "$T/one.json"
has out ": 1 release now (1 new)." "import one"
expect 0 "import the sample" -- rp import "$T/before.json"
has out ": 4 releases now (0 new)." "import the sample"
pass "an import counts its releases with plural forms"

echo "1..$n"
