#!/usr/bin/env python3
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates plan files against data/plan-v1.schema.json (JSON Schema 2020-12):
an export of the sample plan made by the real binary, the golden file of the
export tests, and plans written by hand with only ids, names and a few dates.
Then checks that the schema and the importer agree on which keys a file may
leave out: each key of the golden file, taken out in turn, is accepted by
both or refused by both.

Usage: test-plan-schema.py RELEASE_PLANNER_BINARY SOURCE_ROOT
"""
import copy
import json
import os
import re
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


# Plans as people write them: only what identifies each row, and a few dates.
MINIMAL_PLANS = {
    "a release with a name": {
        "format": "release-planner/plan", "format_version": 1,
        "releases": [{"id": "payments-2027.1", "name": "Payments 2027.1"}],
    },
    "a release with a few dates and rows": {
        "format": "release-planner/plan", "format_version": 1,
        "people": [{"id": "ana", "name": "Ana Lima"}],
        "freeze_windows": [{"id": "year-end", "name": "Year end", "start": "2026-12-18", "end": "2027-01-04"}],
        "releases": [{
            "id": "payments-2027.1", "name": "Payments 2027.1",
            "timeline": {"code_complete": "2027-01-20", "deploy": "2027-02-09",
                         "committed": {"deploy": "2027-02-04"}},
            "owners": {"release_manager": "ana", "components": [{"component": "API"}]},
            "scope": [{"id": "sepa", "title": "SEPA direct debit",
                       "acceptance_criteria": [{"id": "sepa.legal", "text": "Mandate text approved"}]}],
            "dependencies": [{"id": "contract", "title": "Signed contract"}],
            "risks": [{"id": "psp_outage", "title": "PSP outage", "likelihood": 3, "impact": 4}],
            "checklist_sections": [{"name": "Pre-Release"}],
            "checklist": [{"id": "staging", "section": "Pre-Release", "text": "Staging verified"}],
            "rollout": [{"id": "canary", "name": "Canary"}],
            "feature_flags": [{"id": "sepa-flag", "key": "sepa"}],
            "decisions": [{"id": "go-1", "at": "2027-02-08T15:00:00Z"}],
            "post_release": {"released_at": "2027-02-09T07:10:00Z"},
        }],
        "templates": [{"id": "hotfix", "name": "Hotfix", "sections": [{"name": "Before"}]}],
        "settings": {},
    },
}


def json_path(parts):
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".") or "(top level)"


def keys_of(node, parts=()):
    """Every (path, key) of the objects in node, once per place in the schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield parts, key
            yield from keys_of(value, parts + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from keys_of(value, parts + (i,))


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
    for name, plan in MINIMAL_PLANS.items():
        documents[f"by hand: {name}"] = json.dumps(plan)

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
    del bad["people"][0]["name"]
    bad["releases"][0]["colour"] = "blue"
    if len(list(validator.iter_errors(bad))) != 3:
        print("the schema accepts a plan with a likelihood of 9, a missing name and an unknown key", file=sys.stderr)
        failed = True

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "plans.db")
        path = os.path.join(tmp, "plan.json")

        def imports(doc):
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            return subprocess.run([binary, "--db", db, "import", path], capture_output=True).returncode == 0

        for name, plan in MINIMAL_PLANS.items():
            if not imports(plan):
                print(f"by hand: {name}: the importer refuses it", file=sys.stderr)
                failed = True

        # Each key of the golden file, once per place: left out, the schema
        # and the importer say the same. (A decision's readiness is a
        # snapshot kept as it was: the importer does not look inside.)
        golden = json.loads(documents["tests/data/plan-golden.json"])
        seen = set()
        checked = 0
        for parts, key in keys_of(golden):
            place = re.sub(r"\[\d+\]", "[]", json_path(parts + (key,)))
            if place in seen or "readiness" in parts:
                continue
            seen.add(place)
            doc = copy.deepcopy(golden)
            holder = doc
            for p in parts:
                holder = holder[p]
            del holder[key]
            by_schema = not list(validator.iter_errors(doc))
            by_importer = imports(doc)
            checked += 1
            if by_schema != by_importer:
                print(f"{place} left out: the schema {'accepts' if by_schema else 'refuses'} it, "
                      f"the importer {'accepts' if by_importer else 'refuses'} it", file=sys.stderr)
                failed = True

        # Ids: letters, digits, - _ . and nothing else, for both.
        for bad_id, good in (("payments 2027", False), ("payments/2027", False), ("", False),
                             ("Payments_2027.1-rc", True)):
            doc = copy.deepcopy(MINIMAL_PLANS["a release with a name"])
            doc["releases"][0]["id"] = bad_id
            by_schema = not list(validator.iter_errors(doc))
            by_importer = imports(doc)
            if by_schema != good or by_importer != good:
                print(f"id “{bad_id}”: schema {by_schema}, importer {by_importer}, wanted {good}", file=sys.stderr)
                failed = True
        print(f"schema and importer agree on {checked} keys left out, and on ids")

    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
