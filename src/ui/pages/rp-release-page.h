/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-text-edits.h"

G_BEGIN_DECLS

/* The base of every tab of a release (Overview, Scope, Dependencies,
 * Risks, Checklist, Rollout, and what comes next). It holds what each of
 * them used to repeat:
 *
 *  - "store" and "release-id", and "title" and "icon-name" for the
 *    window's view stack;
 *  - the store's ::changed signal, coalesced: a burst of writes (an undo,
 *    an import, a delete of many) is one call of store_changed, from an
 *    idle, when they are all in;
 *  - the page's RpTextEdits, saved when the release changes, when the
 *    page leaves its window and when it goes: nothing typed is lost;
 *  - the "… deleted" toast with Undo, and selecting the row again when an
 *    undo brings it back.
 *
 * A page saves every edit at once through the store and follows ::changed,
 * whatever caused it (its own edit, another page, undo, another process),
 * without disturbing what the user is typing. */

#define RP_TYPE_RELEASE_PAGE (rp_release_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RpReleasePage, rp_release_page, RP, RELEASE_PAGE, AdwBin)

/**
 * RpReleasePageClass:
 * @store_set: the store arrived (once, before any of the others run):
 *   build what needs it. The store comes at construction or, for a page
 *   declared in a .ui file, from a binding just after.
 * @release_changed: the page shows another release (or none): show it.
 *   The edits of the old one are saved already. Called too when the
 *   store arrives, for the release set before (or none).
 * @store_changed: the store changed, after the coalescing: @entity and
 *   @id say what, @id NULL for several rows of @entity, @entity
 *   RP_N_ENTITIES (and @id NULL) for "anything, reload it all". Only the
 *   entities the class watches (rp_release_page_class_watch()) come
 *   through, with RP_N_ENTITIES.
 * @select_subject: select the row @id of @entity, or the field @field
 *   (a column name) of it, and when @focus, scroll to it and give it the
 *   keyboard focus. Returns TRUE when the page holds that subject.
 * @flush: save whatever waits to be saved (the default saves the text
 *   edits).
 * @text_value: how the text typed into @column becomes the value to
 *   store, for the page's RpTextEdits (see RpTextValueFunc); the default
 *   is rp_text_value_empty_is_none().
 * @edits_flags: the flags of the page's RpTextEdits.
 */
struct _RpReleasePageClass
{
  AdwBinClass parent_class;

  void (*store_set) (RpReleasePage *self);
  void (*release_changed) (RpReleasePage *self);
  void (*store_changed) (RpReleasePage *self, RpEntity entity, const char *id);
  gboolean (*select_subject) (RpReleasePage *self, RpEntity entity, const char *id, const char *field,
                              gboolean focus);
  void (*flush) (RpReleasePage *self);
  gboolean (*text_value) (RpReleasePage *self, RpEntity entity, const char *column, const char *text,
                          GVariant **value, const char **message);

  RpTextEditsFlags edits_flags;

  /*< private >*/
  guint64 watched;
  GType template_type; /* the class whose template it is, if it has one */
  gpointer padding[7];
};

void rp_release_page_class_watch (RpReleasePageClass *klass, RpEntity entity);
void rp_release_page_class_set_template_from_resource (RpReleasePageClass *klass, const char *resource_name);

RpStore *rp_release_page_get_store (RpReleasePage *self);
void rp_release_page_set_store (RpReleasePage *self, RpStore *store);
const char *rp_release_page_get_release_id (RpReleasePage *self);
void rp_release_page_set_release_id (RpReleasePage *self, const char *release_id);
const char *rp_release_page_get_title (RpReleasePage *self);
void rp_release_page_set_title (RpReleasePage *self, const char *title);
const char *rp_release_page_get_icon_name (RpReleasePage *self);
void rp_release_page_set_icon_name (RpReleasePage *self, const char *icon_name);

RpTextEdits *rp_release_page_get_edits (RpReleasePage *self);

gboolean rp_release_page_select_subject (RpReleasePage *self, RpEntity entity, const char *id,
                                         const char *field);
void rp_release_page_flush (RpReleasePage *self);
void rp_release_page_update_now (RpReleasePage *self);
void rp_release_page_show_deleted (RpReleasePage *self, RpEntity entity, const char *id, const char *what);

G_END_DECLS
