#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the command line must refuse rather than report success on: a
# damaged database, a path that is no file.
# Arguments: the release-planner binary, the tests source dir.
set -eu
BIN=$1
SRC=$2
. "$SRC/cli-lib.sh"

db="$T/plans.db"
rp() { "$BIN" --db "$db" "$@"; }

# --- a damaged page -----------------------------------------------------------

expect 0 "demo" -- rp demo
expect 0 "export" -- rp export --format json
cp "$T/out" "$T/whole.json"
# A leaf page of the checklist items, overwritten with bytes that are no
# B-tree page: SQLite reports SQLITE_CORRUPT on reading it.
cp "$db" "$T/damaged.db"
page=$(sqlite3 "$db" "SELECT pageno FROM dbstat WHERE name = 'checklist_item' AND pagetype = 'leaf' LIMIT 1 OFFSET 1")
size=$(sqlite3 "$db" "PRAGMA page_size")
[ -n "$page" ] || fail "no leaf page of checklist_item in the sample plan"
head -c "$size" /dev/zero | tr '\0' 'Z' |
  dd of="$T/damaged.db" bs="$size" seek=$((page - 1)) conv=notrunc status=none
expect 2 "export of a damaged database" -- "$BIN" --db "$T/damaged.db" export --format json
has err "is damaged" "export of a damaged database"
[ ! -s "$T/out" ] || fail "export of a damaged database printed a partial plan"
expect 2 "export -o of a damaged database" -- "$BIN" --db "$T/damaged.db" export --format json -o "$T/partial.json"
[ ! -e "$T/partial.json" ] || fail "export -o of a damaged database wrote a partial plan"
expect 2 "show of a damaged database" -- "$BIN" --db "$T/damaged.db" show "Mobile app 5.0"
has err "is damaged" "show of a damaged database"
pass "a damaged page makes export and show fail, saying the database is damaged"

# --- paths that are no file ---------------------------------------------------

for path in "" ":memory:" "file:$T/uri.db" "file::memory:" "FILE:$T/uri.db?mode=memory"; do
  expect 2 "--db “$path” new" -- "$BIN" --db "$path" new R1
  lacks out "Created" "--db “$path” new"
  has err "Nothing was opened" "--db “$path” new"
  expect 2 "--db=“$path” list" -- "$BIN" "--db=$path" list
done
has err "SQLite URI" "--db file:"
[ ! -e "$T/uri.db" ] || fail "--db file:… created the file"
( cd "$T" && "$BIN" --db "./file:y.db" new R1 >/dev/null ) && [ -s "$T/file:y.db" ] ||
  fail "--db ./file:y.db does not make that file"
pass "--db \"\", :memory: and file: URIs are refused with exit 2"

echo "1..$n"
