/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

/* The Templates dialog of the checklist page: the templates of the store,
 * one to apply to the release "release-id" (activate its row), to rename
 * or to delete (with Undo, in its own toasts: it is not the main window).
 * It follows the store. Once a template is applied it emits ::applied
 * (const char *template_name) and closes. */
#define RP_TYPE_CHECKLIST_TEMPLATES_DIALOG (rp_checklist_templates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpChecklistTemplatesDialog, rp_checklist_templates_dialog, RP,
                      CHECKLIST_TEMPLATES_DIALOG, AdwWindow)

GtkWidget *rp_checklist_templates_dialog_new (RpStore *store, const char *release_id);

G_END_DECLS
