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
# (the readiness of the plan as of the day the golden files are of)
golden() {
  local format=$1 release=$2 file=$3
  expect 0 "export $release --format $format" -- rp export "$release" --format "$format" --today 2026-11-25
  same "$T/out" "$SRC/data/$file" "export \"$release\" --format $format is $file"
  expect 0 "export -o" -- rp export "$release" --format "$format" -o "$T/$file" --today 2026-11-25
  same "$T/$file" "$SRC/data/$file" "export -o $file"
  pass "export \"$release\" --format $format gives $file, on stdout and with -o"
}
golden markdown "Mobile app 5.0" plan-mobile.md
golden markdown "Payments platform 2027.1" plan-payments.md
golden release-notes "Mobile app 5.0" release-notes-mobile.md
golden release-notes "Checkout 2.3" release-notes-checkout.md
golden csv "Mobile app 5.0" jira-mobile.csv

# The readiness in the Markdown plan is what check says, for --today and
# for today (the same local date in both), and a bad --today is refused
# as check refuses it.
for release in "Mobile app 5.0" "Search relevance v4"; do
  for day in 2026-11-25 2026-12-10 ""; do
    set -- ${day:+--today "$day"}
    set +e
    rp check "$release" "$@" >"$T/check" 2>&1
    set -e
    verdict=$(head -n 1 "$T/check" | sed 's/.* — \([A-Z -]*\) (.*/\1/')
    counts=$(head -n 1 "$T/check" | sed 's/.* (\(.*\))$/\1/')
    as_of=$(sed -n 's/^As of \([0-9-]*\):.*/\1/p' "$T/check")
    [ -n "$as_of" ] || { cat "$T/check" >&2; fail "check \"$release\" $*: no date"; }
    expect 0 "export --format markdown $*" -- rp export "$release" --format markdown "$@"
    case $verdict in
      "NO-GO") word="No-go" ;;
      "GO WITH RISKS") word="Go with risks" ;;
      *) word="Go" ;;
    esac
    has out "Verdict: $word, as of $as_of ($counts)." "export \"$release\" --format markdown $*"
  done
done
expect 2 "export --format markdown bad --today" -- rp export "Mobile app 5.0" --format markdown --today 2026-02-30
has err "--today must be a date like" "export --format markdown bad --today"
pass "export --format markdown: the verdict and counts of check, for --today and for today"

expect 0 "export --format csv" -- rp export --format csv
same "$T/out" "$SRC/data/jira-sample.csv" "export --format csv is jira-sample.csv"
pass "export --format csv without a release: every release"

# iCalendar: DTSTAMP is the time of the export, the rest the golden file
expect 0 "export --format ics" -- rp export "Payments platform 2027.1" --format ics
grep -q '^DTSTAMP:[0-9]\{8\}T[0-9]\{6\}Z'$'\r''$' "$T/out" || fail "export --format ics: a DTSTAMP in UTC"
sed 's/^DTSTAMP:.*/DTSTAMP:20261102T093000Z\r/' "$T/out" >"$T/stamped.ics"
same "$T/stamped.ics" "$SRC/data/calendar-payments.ics" "export --format ics is calendar-payments.ics but for DTSTAMP"
pass "export --format ics: the release's milestones, stamped with the time of the export"

# import-freezes: a preview, then the import, then the same file again
holidays="$SRC/data/holidays.ics"
expect 0 "import-freezes --dry-run" -- rp import-freezes "$holidays" --from 2027-01-01 --to 2027-12-31 --dry-run
has out "9 new, 0 changed, 0 already there." "import-freezes --dry-run"
has out "+ 2027-02-13 – 2027-02-14  Network maintenance (moved)" "import-freezes --dry-run"
has out "Nothing was written" "import-freezes --dry-run"
expect 0 "export after a dry run" -- rp export --format ics
[ "$(grep -c '^BEGIN:VEVENT' "$T/out")" = 21 ] || fail "a dry run wrote freeze windows"
expect 0 "import-freezes" -- rp import-freezes "$holidays" --from 2027-01-01 --to 2027-12-31
has out "9 new, 0 changed, 0 already there." "import-freezes"
expect 0 "import-freezes again" -- rp import-freezes "$holidays" --from 2027-01-01 --to 2027-12-31
has out "0 new, 0 changed, 9 already there." "import-freezes again"
expect 0 "export after the import" -- rp export --format ics
[ "$(grep -c '^BEGIN:VEVENT' "$T/out")" = 30 ] || fail "the import did not add 9 freeze windows once"
pass "import-freezes: a preview, the import, and the same file again adds nothing"

expect 2 "import-freezes not a calendar" -- rp import-freezes "$SRC/data/plan-golden.json" --from 2027-01-01
has err "nothing was imported" "import-freezes not a calendar"
has err "not an iCalendar file" "import-freezes not a calendar"
expect 2 "import-freezes bad date" -- rp import-freezes "$holidays" --from 2027-13-01
has err "is not a date" "import-freezes bad date"
expect 2 "import-freezes to before from" -- rp import-freezes "$holidays" --from 2027-02-01 --to 2027-01-01
has err "is before --from" "import-freezes to before from"
expect 2 "import-freezes no file" -- rp import-freezes "$T/none.ics"
has err "Could not read" "import-freezes no file"
pass "import-freezes refuses what is not a calendar, bad dates and missing files"

# PDF: to a file or a pipe, never to a terminal
expect 0 "export --format pdf" -- rp export "Search relevance v4" --format pdf -o "$T/report.pdf" --today 2026-11-25
[ "$(head -c 5 "$T/report.pdf")" = "%PDF-" ] || fail "export --format pdf -o writes a PDF"
expect 0 "export --format pdf to a pipe" -- rp export "Search relevance v4" --format pdf --today 2026-11-25
[ "$(head -c 5 "$T/out")" = "%PDF-" ] || fail "export --format pdf to a pipe writes a PDF"
if command -v pdftotext >/dev/null 2>&1; then
  pdftotext "$T/report.pdf" "$T/report.txt"
  has report.txt "Verdict: Go with risks" "export --format pdf --today: the verdict"
  has report.txt "Readiness on 2026-11-25: 1 warning" "export --format pdf --today: of that day"
fi
if command -v script >/dev/null 2>&1; then
  set +e
  script -qec "\"$BIN\" --db \"$db\" export \"Search relevance v4\" --format pdf" /dev/null >"$T/tty" 2>&1
  got=$?
  set -e
  [ "$got" = 2 ] || { cat "$T/tty" >&2; fail "export --format pdf to a terminal: exit $got, wanted 2"; }
  grep -qF "binary file" "$T/tty" || fail "export --format pdf to a terminal says why"
fi
expect 2 "export --format pdf without a release" -- rp export --format pdf -o "$T/none.pdf"
[ ! -e "$T/none.pdf" ] || fail "a refused PDF export wrote a file"
expect 2 "export --format pdf bad --today" -- rp export "Search relevance v4" --format pdf -o "$T/none.pdf" --today soon
has err "--today must be a date like" "export --format pdf bad --today"
pass "export --format pdf: to a file or a pipe, refused to a terminal"

expect 0 "export --help" -- rp export --help
for format in json markdown checklist release-notes csv ics pdf; do
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
