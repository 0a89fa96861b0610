#!/usr/bin/env python3
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates plan files against data/plan-v1.schema.json (JSON Schema 2020-12):
an export of the sample plan made by the real binary, and the golden file of
the export tests.

Usage: test-plan-schema.py RELEASE_PLANNER_BINARY SOURCE_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("test-plan-schema: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(1)


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"test-plan-schema: {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, source_root = sys.argv[1], sys.argv[2]

    with open(os.path.join(source_root, "data", "plan-v1.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    documents = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "plans.db")
        run(binary, "--db", db, "demo")
        documents["export of the sample plan"] = run(binary, "--db", db, "export", "--format", "json")
    with open(os.path.join(source_root, "tests", "data", "plan-golden.json"), encoding="utf-8") as f:
        documents["tests/data/plan-golden.json"] = f.read()

    failed = False
    for name, text in documents.items():
        errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            print(f"{name}: {path.lstrip('.') or '(top level)'}: {error.message}", file=sys.stderr)
        print(f"{name}: {'valid' if not errors else f'{len(errors)} errors'}")
        failed = failed or bool(errors)

    # The schema must refuse what the importer refuses, too.
    sample = json.loads(documents["export of the sample plan"])
    bad = json.loads(json.dumps(sample))
    bad["releases"][0]["risks"][0]["likelihood"] = 9
    del bad["people"][0]["email"]
    bad["releases"][0]["colour"] = "blue"
    if len(list(validator.iter_errors(bad))) != 3:
        print("the schema accepts a plan with a likelihood of 9, a missing key and an unknown key", file=sys.stderr)
        failed = True

    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
