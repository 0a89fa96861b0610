/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-window.h"

G_BEGIN_DECLS

/* The exports of the window, as the action group "export" on it:
 *
 *   export.markdown, .checklist, .release-notes, .json, .csv, .ics, .pdf
 *                          the selected release, saved through the file chooser
 *   export.json-all, export.ics-all
 *                          every release
 *   export.copy-markdown   the plan of the selected release to the clipboard
 *   export.print           its readiness report through the print dialog
 *   export.open-folder(s)  the folder of a file:// URI (the toast's button)
 *
 * Files are written atomically; a toast says where they went. */
void rp_export_actions_install (RpWindow *window);

/* For the UI tests: the next print goes to a PDF file at @path, with no
 * dialog. */
void _rp_export_print_to_file_for_tests (const char *path);

G_END_DECLS
