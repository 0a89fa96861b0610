#!/usr/bin/python3
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a CSV file with Python's csv module, strictly, and prints its rows
# as JSON (a list of lists of cells), for the CSV export's tests.
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
json.dump(rows, sys.stdout, ensure_ascii=False)
