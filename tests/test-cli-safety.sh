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
for i in $(seq 1 10); do
  new="$T/race-$i.db"
  for p in 1 2 3; do
    "$BIN" --db "$new" new "R$p" --template "Standard release" >"$T/race-$i-$p.out" 2>"$T/race-$i-$p.err" &
  done
  for p in 1 2 3; do
    wait -n || { cat "$T"/race-$i-*.err >&2; fail "first open, round $i: a process failed"; }
  done
  for p in 1 2 3; do
    grep -qF "Created" "$T/race-$i-$p.out" ||
      { cat "$T/race-$i-$p.out" "$T/race-$i-$p.err" >&2; fail "first open, round $i: nothing created"; }
  done
  [ "$(sqlite3 "$new" "SELECT count(*) FROM template")" = 2 ] || fail "first open, round $i: not the 2 templates"
  # Each release got the template's 17 items.
  [ "$(sqlite3 "$new" "SELECT count(*) FROM checklist_item")" = 51 ] || fail "first open, round $i: empty checklists"
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

# --- a stray -wal beside the plan ----------------------------------------------

expect 0 "stray: a plan" -- "$BIN" --db "$T/stray.db" demo
before=$(sha256sum "$T/stray.db" | cut -d' ' -f1)
# Another database's journal, left by a process that died with it open.
python3 - "$T/other.db" <<'PY'
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA wal_autocheckpoint=0")
con.execute("CREATE TABLE notes (text)")
con.execute("INSERT INTO notes VALUES ('not a plan')")
con.commit()
os._exit(0)
PY
[ -s "$T/other.db-wal" ] || fail "stray: no -wal left by the other database"
cp "$T/other.db-wal" "$T/stray.db-wal"
for cmd in list "new R9" "export --format json"; do
  expect 2 "stray: $cmd" -- "$BIN" --db "$T/stray.db" $cmd
  has err "stray.db-wal" "stray: $cmd"
  has err "left as it is" "stray: $cmd"
done
[ "$(sha256sum "$T/stray.db" | cut -d' ' -f1)" = "$before" ] || fail "stray: the plan file changed"
# Moved away, as the message says: the plan is whole again.
mv "$T/stray.db-wal" "$T/moved-wal"
rm -f "$T/stray.db-shm"
expect 0 "stray: list after moving the -wal away" -- "$BIN" --db "$T/stray.db" list
has out "Checkout 2.3" "stray: list after moving the -wal away"
pass "another database's -wal beside the plan is refused; the plan file is unchanged"

# --- reading commands need a database -------------------------------------------

missing="$T/missing/plans.db"
for cmd in list "show R1" "check R1" "export --format json"; do
  expect 2 "$cmd on a missing database" -- "$BIN" --db "$missing" $cmd
  has err "no plan database at $missing; “new” or “import” creates one" "$cmd on a missing database"
done
[ ! -e "$missing" ] && [ ! -e "$T/missing" ] || fail "a reading command made the missing database"
: >"$T/empty.db"
expect 2 "list on an empty file" -- "$BIN" --db "$T/empty.db" list
has err "empty file" "list on an empty file"
[ ! -s "$T/empty.db" ] || fail "list made the empty file a database"
expect 0 "new on an empty file" -- "$BIN" --db "$T/empty.db" new R1
pass "list, show, check, export refuse a missing or empty database instead of making one"

# --- smaller ones ---------------------------------------------------------------

expect 2 "new with a NAME that is not UTF-8" -- rp new $'R\xff1'
has err "not valid UTF-8" "new with a NAME that is not UTF-8"
lacks err "CRITICAL" "new with a NAME that is not UTF-8"
expect 2 "show of a RELEASE that is not UTF-8" -- rp show $'R\xff1'
has err "not valid UTF-8" "show of a RELEASE that is not UTF-8"
expect 2 "tick of an ITEM that is not UTF-8" -- rp tick "Checkout 2.3" $'\xfe'
lacks err "CRITICAL" "tick of an ITEM that is not UTF-8"
pass "text that is not UTF-8 is refused, without a GLib-CRITICAL"

before=$(sha256sum "$db" | cut -d' ' -f1)
expect 2 "export -o onto the database" -- rp export --format json -o "$db"
has err "the plan database itself" "export -o onto the database"
ln -s "$db" "$T/link.db"
expect 2 "export -o onto a link to the database" -- rp export --format json -o "$T/link.db"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$before" ] || fail "export -o changed the database"
pass "export -o onto the database file itself is refused"

echo "1..$n"
