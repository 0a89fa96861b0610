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

# --- the first open, three processes at once ------------------------------------

# Each opens a new file and lists the templates: creating, migrating and
# seeding are one transaction, so each finds them all or waits for them.
for i in $(seq 1 15); do
  new="$T/race-$i.db"
  for p in 1 2 3; do
    "$BIN" --db "$new" templates >"$T/race-$i-$p.out" 2>"$T/race-$i-$p.err" &
  done
  for p in 1 2 3; do
    wait -n || { cat "$T"/race-$i-*.err >&2; fail "first open, round $i: a process failed"; }
  done
  for p in 1 2 3; do
    grep -qF "Standard release" "$T/race-$i-$p.out" ||
      { cat "$T/race-$i-$p.out" "$T/race-$i-$p.err" >&2; fail "first open, round $i: no templates"; }
  done
  [ "$(sqlite3 "$new" "SELECT count(*) FROM template")" = 2 ] || fail "first open, round $i: templates twice"
done
pass "three processes opening a new file at once all succeed, with the templates"

# --- bounded import reads ------------------------------------------------------

sum() { sha256sum "$db" | cut -d' ' -f1; }
expect 0 "checkpoint" -- rp list
before=$(sum)
expect 2 "import /dev/zero" -- timeout 60 "$BIN" --db "$db" import /dev/zero
has err "too large" "import /dev/zero"
set +e
yes '{' | timeout 60 "$BIN" --db "$db" import /dev/stdin >"$T/out" 2>"$T/err"
got=$?
set -e
[ "$got" = 2 ] || { cat "$T/err" >&2; fail "import from an endless pipe: exit $got, wanted 2"; }
has err "too large" "import from an endless pipe"
mkfifo "$T/fifo"
expect 2 "import of a FIFO nobody writes to" -- timeout 20 "$BIN" --db "$db" import "$T/fifo"
has err "nothing was imported" "import of a FIFO nobody writes to"
expect 0 "checkpoint" -- rp list
[ "$(sum)" = "$before" ] || fail "a refused import changed the database"
# A pipe with a writer is read to its end.
expect 0 "export" -- rp export --format json
cp "$T/out" "$T/plan.json"
set +e
cat "$T/plan.json" | "$BIN" --db "$db" import /dev/stdin >"$T/out" 2>"$T/err"
got=$?
set -e
[ "$got" = 0 ] || { cat "$T/err" >&2; fail "import of a plan through a pipe: exit $got"; }
pass "import of /dev/zero, an endless pipe, a FIFO: refused while reading, nothing written"

echo "1..$n"
