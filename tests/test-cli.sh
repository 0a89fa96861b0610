#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line through the real binary, with no display: every command,
# its --help, its errors (stderr, non-zero exit, nothing changed) and the
# byte-for-byte round trip of a plan file.
set -eu
BIN=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export XDG_DATA_HOME="$T/xdg"
unset RELEASE_PLANNER_DB

n=0
fail() { echo "not ok - $*" >&2; exit 1; }
pass() { n=$((n + 1)); echo "ok $n - $*"; }

# expect STATUS NAME -- CMD...: runs CMD, keeps stdout/stderr in $T/out, $T/err
expect() {
  local want=$1 name=$2; shift 3
  set +e; "$@" >"$T/out" 2>"$T/err"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$T/out" "$T/err" >&2; fail "$name: exit $got, wanted $want"; }
}
contains() { grep -qF -- "$2" "$T/$1" || { cat "$T/$1" >&2; fail "$3: no “$2” in $1"; }; }

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }

# Every command that help lists (the table in rp-cli.c), so a new one is
# covered as soon as it is added.
expect 0 "help" -- rp help
commands=$(sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' "$T/out")
[ "$(echo "$commands" | wc -w)" -ge 9 ] || fail "help lists too few commands: $commands"
for cmd in $commands; do
  expect 0 "$cmd --help" -- rp "$cmd" --help
  contains out "Usage:" "$cmd --help"
done
pass "--help on every command"

expect 2 "unknown command" -- rp frobnicate
contains err "unknown command “frobnicate”" "unknown command"
pass "an unknown command is an error, not a window"

expect 2 "list without a database" -- rp list
contains err "no plan database at $db" "list without a database"
[ ! -e "$db" ] || fail "list made a database"
expect 0 "templates" -- rp templates
expect 0 "list empty" -- rp list
contains out "No releases yet" "list empty"
pass "list on a new database"

expect 0 "new" -- rp new "Spring Release" --version 2.4.0 --code-complete 2026-12-01 --deploy 2026-12-10
contains out "Created “Spring Release”" "new"
expect 0 "list" -- rp list
contains out "Spring Release" "list"
contains out "2026-12-10" "list"
expect 0 "show by version" -- rp show 2.4.0
contains out "Spring Release 2.4.0" "show"
contains out "2026-12-01" "show"
pass "new, list and show"

expect 2 "impossible date" -- rp new "Bad" --deploy 2026-02-30
contains err "must be a date" "impossible date"
expect 2 "bad status" -- rp new "Bad" --status shipped
contains err "must be one of" "bad status"
expect 0 "list after errors" -- rp list
grep -q "Bad" "$T/out" && fail "a refused release was saved"
pass "invalid input is refused and nothing is saved"

expect 2 "unknown release" -- rp show "No Such Release"
contains err "No release has the name, version or id “No Such Release”" "unknown release"
expect 2 "missing argument" -- rp show
contains err "missing argument" "missing argument"
expect 2 "export without format" -- rp export
contains err "--format" "export without format"
pass "unknown ids and missing arguments"

expect 0 "demo" -- rp demo
contains out "Loaded the sample plan" "demo"
expect 0 "list demo" -- rp list
[ "$(grep -c -- '-' "$T/out")" -ge 4 ] || fail "the sample plan has fewer than four releases"
pass "demo loads the sample plan"

# Round trip: export, import into a new database, export again: same bytes.
expect 0 "export" -- rp export --format json -o "$T/plan.json"
expect 0 "import" -- "$BIN" --db "$T/copy.db" import "$T/plan.json"
expect 0 "export copy" -- "$BIN" --db "$T/copy.db" export --format json -o "$T/copy.json"
cmp "$T/plan.json" "$T/copy.json" || fail "the round trip changed the plan file"
expect 0 "export to stdout" -- rp export --format json
cmp "$T/out" "$T/plan.json" || fail "export to stdout and to a file differ"
pass "export → import → export is byte-identical"

# A bad plan file changes nothing.
printf '{ "format": "release-planner/plan", "format_version": 1, // a comment\n }\n' >"$T/bad.json"
expect 2 "malformed import" -- rp import "$T/bad.json"
contains err "nothing was imported" "malformed import"
contains err "line 1" "malformed import"
expect 0 "export after bad import" -- rp export --format json -o "$T/after.json"
cmp "$T/plan.json" "$T/after.json" || fail "a refused import changed the database"
printf '{ "format": "release-planner/plan", "format_version": 2 }\n' >"$T/newer.json"
expect 2 "newer format" -- rp import "$T/newer.json"
contains err "format version 2" "newer format"
expect 2 "missing file" -- rp import "$T/nope.json"
pass "malformed and newer plan files are refused with nothing changed"

# Files that are not ours are refused and left as they are.
printf 'just some text\n' >"$T/notes.db"
cp "$T/notes.db" "$T/notes.orig"
expect 2 "not a database" -- "$BIN" --db "$T/notes.db" list
contains err "not an SQLite file" "not a database"
cmp "$T/notes.db" "$T/notes.orig" || fail "a text file was modified"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table songs (t text)'); c.commit()" "$T/music.db"
cp "$T/music.db" "$T/music.orig"
expect 2 "foreign database" -- "$BIN" --db "$T/music.db" list
contains err "another application" "foreign database"
cmp "$T/music.db" "$T/music.orig" || fail "another application's database was modified"
cp "$db" "$T/newer.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('pragma user_version = 99'); c.commit(); c.close()" "$T/newer.db"
cp "$T/newer.db" "$T/newer.orig"
expect 2 "newer database" -- "$BIN" --db "$T/newer.db" list
contains err "newer version of Release Planner" "newer database"
cmp "$T/newer.db" "$T/newer.orig" || fail "a newer database was modified"
expect 2 "read-only location" -- "$BIN" --db /proc/release-planner/plans.db new R1
contains err "cannot be made" "read-only location"
pass "bad database files get a clear error and are not touched"

# The default path and RELEASE_PLANNER_DB.
expect 0 "default path" -- "$BIN" new "Default"
[ -f "$XDG_DATA_HOME/release-planner/plans.db" ] || fail "no database at the default path"
RELEASE_PLANNER_DB="$T/env.db" expect 0 "env path" -- "$BIN" new "From env"
[ -f "$T/env.db" ] || fail "RELEASE_PLANNER_DB was not used"
pass "the database lives at XDG_DATA_HOME or RELEASE_PLANNER_DB"

echo "1..$n"
