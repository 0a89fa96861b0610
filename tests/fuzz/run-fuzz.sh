#!/bin/bash
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A short libFuzzer run as a test: FUZZER SECONDS CORPUS CRASHES DICT SEED...
# The corpus directory is kept between runs (each goes on from the last);
# the seeds are copied into it. Prints one line that says what happened;
# exits 1 when the fuzzer found a crash, a leak or a broken invariant,
# with the input that did it saved in CRASHES.
set -eu
fuzzer=$1 seconds=$2 corpus=$3 crashes=$4 dict=$5
shift 5
name=$(basename "$fuzzer")

mkdir -p "$corpus" "$crashes"
cp "$@" "$corpus/"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

set +e
"$fuzzer" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
  -dict="$dict" -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
status=$?
set -e

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
inputs=$(find "$corpus" -type f | wc -l)
if [ "$status" = 0 ]; then
  echo "$name: no crash in ${runs:-?} runs, ${seconds} s, ${per_second:-?} runs/s; corpus of $inputs inputs"
  exit 0
fi
tail -n 80 "$log"
artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
echo "$name: FUZZ CRASH after ${runs:-?} runs (exit $status): the input is ${artifact:-not saved}; rerun with: $fuzzer ${artifact:-FILE}"
exit 1
