#!/usr/bin/python3
# Copyright 2026 The Release Planner authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads an .ics file with python3-icalendar and prints what the iCalendar
# export's tests check, as JSON: the calendar's name, its events (uid,
# summary, description, first day, day after the last, transparency,
# stamp) and the lines that break RFC 5545 3.1 (longer than 75 octets, or
# not ended by CRLF).
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    data = f.read()

bad_lines = []
for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
    if len(line) > 75 or b"\r" in line or b"\n" in line:
        bad_lines.append(number)
if not data.endswith(b"\r\n"):
    bad_lines.append("end")

calendar = icalendar.Calendar.from_ical(data)
events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND")
    events.append({
        "uid": str(event.get("UID")),
        "summary": str(event.get("SUMMARY")),
        "description": str(event["DESCRIPTION"]) if "DESCRIPTION" in event else None,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "all_day": event["DTSTART"].params.get("VALUE") == "DATE",
        "transp": str(event.get("TRANSP")),
        "stamp": event.decoded("DTSTAMP").strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
json.dump({"name": str(calendar.get("X-WR-CALNAME")), "version": str(calendar.get("VERSION")),
           "events": events, "bad_lines": bad_lines}, sys.stdout, ensure_ascii=False)
