/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks for a name (of a section, a template): a message dialog with an
 * entry, whose OK button is on only while the name is not blank. When
 * the user confirms it emits ::name-chosen (name), the name stripped.
 * "subject" is what the name is for (an id, or NULL), for the handler. */
#define RP_TYPE_CHECKLIST_NAME_DIALOG (rp_checklist_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistNameDialog, rp_checklist_name_dialog, RP, CHECKLIST_NAME_DIALOG,
                      AdwMessageDialog)

/* Presents the dialog above @parent (may be NULL) with the focus in its
 * entry, which holds @initial (may be NULL). */
RpChecklistNameDialog *rp_checklist_name_dialog_present (GtkWindow *parent, const char *heading,
                                                         const char *body, const char *initial,
                                                         const char *ok_label, const char *subject);
const char *rp_checklist_name_dialog_get_subject (RpChecklistNameDialog *self);

G_END_DECLS
