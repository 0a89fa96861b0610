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
trap 'rm -f "$listed"' EXIT
# Comments and blank lines aside, one path per line.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" | sort -u > "$listed"

status=0

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist: remove it from $potfiles"
    status=1
  fi
done < "$listed"

# The first line of FILE with a translatable string, or nothing.
first_marker () {
  case $1 in
    *.desktop.in|*.metainfo.xml.in|*.gschema.xml)
      # Merged or extracted whole by i18n.merge_file and xgettext.
      echo 1; return ;;
    *.c|*.h)
      pattern='(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ ?\( ?"|(^|[^A-Za-z0-9_])(g_)?d?n?gettext ?\(' ;;
    *.ui|*.xml|*.in)
      pattern='translatable="(yes|true)"|<_[A-Za-z]|[[:space:]]_[A-Za-z]+=' ;;
    *.desktop)
      pattern='^_[A-Za-z]+=' ;;
    *)
      return ;;
  esac
  grep -n -m 1 -E "$pattern" "$1" | cut -d: -f1
}

for f in $(find src data -type f 2>/dev/null | LC_ALL=C sort); do
  line=$(first_marker "$f")
  [ -n "$line" ] || continue
  if ! grep -qxF "$f" "$listed"; then
    echo "$f has translatable strings (line $line) but is not in $potfiles: add it"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "$potfiles: ok ($(wc -l < "$listed") files)"
fi
exit $status
