#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The exports from the command line, through the real binary with no
# display: each format of the sample plan against its golden file, to
# standard output and to a file, and the errors (unknown format, a format
# that needs a release, a file that cannot be written: no half file).
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset DISPLAY WAYLAND_DISPLAY RELEASE_PLANNER_DB
export XDG_DATA_HOME="$T/xdg" LC_ALL=C.UTF-8 TZ=UTC

n=0
fail() { echo "not ok - $*" >&2; exit 1; }
pass() { n=$((n + 1)); echo "ok $n - $*"; }

# expect STATUS NAME -- CMD...: runs CMD, keeps its stdout and stderr in $T/out and $T/err
expect() {
  local want=$1 name=$2
  shift 3
  set +e
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  set -e
  [ "$got" = "$want" ] || { cat "$T/out" "$T/err" >&2; fail "$name: exit $got, wanted $want"; }
}
has() { grep -qF -- "$2" "$T/$1" || { cat "$T/$1" >&2; fail "$3: no “$2” in $1"; }; }
same() { cmp -s "$1" "$2" || { diff "$2" "$1" >&2 || true; fail "$3"; }; }

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }

expect 0 "demo" -- rp demo

# golden FORMAT RELEASE FILE: stdout and -o both give tests/data/FILE
golden() {
  local format=$1 release=$2 file=$3
  expect 0 "export $release --format $format" -- rp export "$release" --format "$format"
  same "$T/out" "$SRC/data/$file" "export \"$release\" --format $format is $file"
  expect 0 "export -o" -- rp export "$release" --format "$format" -o "$T/$file"
  same "$T/$file" "$SRC/data/$file" "export -o $file"
  pass "export \"$release\" --format $format gives $file, on stdout and with -o"
}
golden markdown "Mobile app 5.0" plan-mobile.md
golden markdown "Payments platform 2027.1" plan-payments.md
golden release-notes "Mobile app 5.0" release-notes-mobile.md
golden release-notes "Checkout 2.3" release-notes-checkout.md

expect 0 "export --help" -- rp export --help
for format in json markdown checklist release-notes; do
  has out "$format" "export --help names $format"
done
pass "export --help names the formats"

expect 2 "unknown format" -- rp export --format docx
has err "unknown format “docx”" "unknown format"
has err "release-notes" "unknown format lists the formats"
for format in markdown checklist release-notes; do
  expect 2 "$format without a release" -- rp export --format "$format"
  has err "name the release" "$format without a release"
done
pass "an unknown format, or one that needs a release without one: exit 2"

# A failed export writes nothing: not the file, not a temporary beside it.
mkdir "$T/out-dir"
expect 2 "unknown release" -- rp export "No such release" --format markdown -o "$T/out-dir/plan.md"
[ -z "$(ls -A "$T/out-dir")" ] || fail "a failed export left $(ls "$T/out-dir")"
echo "old" >"$T/out-dir/keep.md"
chmod a-w "$T/out-dir"
if [ "$(id -u)" != 0 ]; then
  expect 2 "unwritable" -- rp export "Mobile app 5.0" --format markdown -o "$T/out-dir/keep.md"
  has err "Could not write" "unwritable"
fi
chmod u+w "$T/out-dir"
[ "$(cat "$T/out-dir/keep.md")" = old ] || fail "a failed export changed the old file"
expect 2 "no directory" -- rp export "Mobile app 5.0" --format markdown -o "$T/none/plan.md"
[ ! -e "$T/none" ] || fail "a failed export made a directory"
pass "a failed export leaves no file and no half file"

echo "1..$n"
