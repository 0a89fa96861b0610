#!/usr/bin/env python3
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The UI and the command line read records through the typed getters that
# src/core/rp-entities.def generates (rp_scope_item_get_title ()), never by a
# column name in a string (rp_record_get_string (r, "title")), where a typo is
# a runtime critical instead of a compile error. Lists every such read.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
# rp_record_get_string (record, "column"), across lines too.
pattern = re.compile(r'\brp_record_get_(?:string|bool|int|int64|double|date|value)\s*\(\s*'
                     r'(?:[^,()"]|\([^()]*\))*,\s*"([a-z_]+)"')
found = []
for directory in ('src/ui', 'src/cli'):
    for path in sorted((root / directory).rglob('*.c')):
        text = path.read_text(encoding='utf-8')
        for match in pattern.finditer(text):
            line = text.count('\n', 0, match.start()) + 1
            found.append(f'{path.relative_to(root)}:{line}: reads "{match.group(1)}" by name')

for entry in found:
    print(entry)
print(f'{len(found)} column reads by name in src/ui and src/cli')
sys.exit(1 if found else 0)
