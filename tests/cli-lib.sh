# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the shell tests of the command line share; source it after
# `set -eu` with BIN set. It makes the scratch directory $T (removed on
# exit), keeps the tests off the display and the user's plans, and gives
#   fail MESSAGE, pass MESSAGE      TAP lines ("1..$n" at the end is yours)
#   expect STATUS NAME -- CMD...    runs CMD, its stdout and stderr in $T/out
#                                   and $T/err, and fails unless it exits STATUS
#   has out|err TEXT NAME           fails unless the output holds TEXT
#   lacks out|err TEXT NAME         fails if it does
#   same FILE TEXT NAME             fails unless FILE holds exactly TEXT and a newline
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset DISPLAY WAYLAND_DISPLAY RELEASE_PLANNER_DB
export XDG_DATA_HOME="$T/xdg"

n=0
fail() { echo "not ok - $*" >&2; exit 1; }
pass() { n=$((n + 1)); echo "ok $n - $*"; }

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
lacks() { ! grep -qF -- "$2" "$T/$1" || { cat "$T/$1" >&2; fail "$3: “$2” in $1"; }; }
same() {
  printf '%s\n' "$2" >"$T/wanted"
  cmp -s "$T/wanted" "$1" || { diff -u "$T/wanted" "$1" >&2; fail "$3"; }
}
