/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rp-record.h"

G_BEGIN_DECLS

/* For the typed faces generated into rp-records.c: the properties of a
 * face's class from its entity's columns, and reading a column by index
 * (no lookup by name, no check: the generated getters know the index). */
void _rp_record_class_install_columns (GObjectClass *klass, RpEntity entity);

const char *_rp_record_get_text_at (RpRecord *self, guint index);
int _rp_record_get_int_at (RpRecord *self, guint index);
gboolean _rp_record_get_bool_at (RpRecord *self, guint index);
int _rp_record_get_enum_at (RpRecord *self, guint index);
gboolean _rp_record_get_date_at (RpRecord *self, guint index, GDate *date);

G_END_DECLS
