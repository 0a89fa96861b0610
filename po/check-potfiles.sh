#!/bin/sh
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the tree: every file under src/ and data/ with
# translatable strings must be listed, and every listed file must exist.
# Usage: po/check-potfiles.sh [SOURCE_ROOT]
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2
potfiles=po/POTFILES.in

if [ ! -f "$potfiles" ]; then
  echo "$potfiles does not exist"
  exit 1
fi

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT
# Comments and blank lines aside, one path per line.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" | LC_ALL=C sort -u > "$listed"

status=0

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist: remove it from $potfiles"
    status=1
  fi
done < "$listed"

c_pattern='(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ ?\( ?"|(^|[^A-Za-z0-9_])(g_)?d?n?gettext ?\('
xml_pattern='translatable="(yes|true)"|<_[A-Za-z]|[[:space:]]_[A-Za-z]+='

# Every file with translatable strings, one grep per kind of file.
{
  # Merged or extracted whole by i18n.merge_file and xgettext.
  find src data -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
    -o -name '*.gschema.xml' \)
  find src data -type f \( -name '*.c' -o -name '*.h' \) -exec grep -l -E "$c_pattern" {} +
  find src data -type f \( -name '*.ui' -o -name '*.xml' -o -name '*.in' \) \
    ! -name '*.desktop.in' ! -name '*.metainfo.xml.in' ! -name '*.gschema.xml' \
    -exec grep -l -E "$xml_pattern" {} +
  find src data -type f -name '*.desktop' -exec grep -l -E '^_[A-Za-z]+=' {} +
} 2>/dev/null | LC_ALL=C sort -u > "$found"

for f in $(LC_ALL=C comm -23 "$found" "$listed"); do
  case $f in
    *.c|*.h) line=$(grep -n -m 1 -E "$c_pattern" "$f" | cut -d: -f1) ;;
    *.desktop.in|*.metainfo.xml.in|*.gschema.xml) line=1 ;;
    *) line=$(grep -n -m 1 -E "$xml_pattern|^_[A-Za-z]+=" "$f" | cut -d: -f1) ;;
  esac
  echo "$f has translatable strings (line $line) but is not in $potfiles: add it"
  status=1
done

if [ $status -eq 0 ]; then
  echo "$potfiles: ok ($(wc -l < "$listed") files)"
fi
exit $status
