#!/bin/sh
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Flatpak manifest must parse with flatpak-builder and raise no warning
# (an unknown or misspelt key is only a warning there, so check for it).
# Exit 77 (skipped) when flatpak-builder is not installed.
set -u
manifest=${1:?usage: check-manifest.sh MANIFEST}

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder is not installed: skipped"
  exit 77
fi

err=$(mktemp)
trap 'rm -f "$err"' EXIT

if ! flatpak-builder --show-manifest "$manifest" >/dev/null 2>"$err"; then
  echo "flatpak-builder could not read $manifest:"
  cat "$err"
  exit 1
fi
if [ -s "$err" ]; then
  echo "flatpak-builder warned about $manifest:"
  cat "$err"
  exit 1
fi
echo "$manifest: ok"
