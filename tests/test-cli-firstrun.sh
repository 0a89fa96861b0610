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

echo "1..$n"
