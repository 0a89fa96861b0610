/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-release-page.h"
#include "rp-ui-util.h"

/* No change is waiting: the pending entity when nothing came. */
#define NO_CHANGE (-1)

typedef struct
{
  /* owned */
  RpStore *store;
  char *release_id;
  char *title;
  char *icon_name;
  RpTextEdits *edits;
  char *pending_id; /* with pending_entity: what changed since the last call */
  char *deleted_id; /* the row deleted last, selected again if it comes back */

  int pending_entity; /* NO_CHANGE, an RpEntity, or RP_N_ENTITIES: several */
  RpEntity deleted_entity;
  gulong changed_id;
  guint idle_id;
} RpReleasePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RpReleasePage, rp_release_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_RELEASE_ID,
  PROP_TITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_watched (RpReleasePage *self, int entity)
{
  guint64 watched = RP_RELEASE_PAGE_GET_CLASS (self)->watched;

  return entity == RP_N_ENTITIES || watched == 0 || (watched & (G_GUINT64_CONSTANT (1) << entity));
}

/* Adds one write to what waits: the same row stays that row, several rows
 * of one entity are that entity, several entities are everything. */
static void
add_pending (RpReleasePagePrivate *priv, int entity, const char *id)
{
  if (priv->pending_entity == NO_CHANGE)
    {
      priv->pending_entity = entity;
      priv->pending_id = g_strdup (id);
      return;
    }
  if (priv->pending_entity != entity)
    priv->pending_entity = RP_N_ENTITIES;
  if (priv->pending_entity == RP_N_ENTITIES || g_strcmp0 (priv->pending_id, id) != 0)
    g_clear_pointer (&priv->pending_id, g_free);
}

static void
deliver_pending (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);
  RpReleasePageClass *klass = RP_RELEASE_PAGE_GET_CLASS (self);
  g_autofree char *id = g_steal_pointer (&priv->pending_id);
  int entity = priv->pending_entity;

  g_clear_handle_id (&priv->idle_id, g_source_remove);
  priv->pending_entity = NO_CHANGE;
  if (entity == NO_CHANGE)
    return;

  if (klass->store_changed != NULL)
    klass->store_changed (self, entity, id);

  /* An undo that brings back the row deleted last selects it again. */
  if (priv->deleted_id != NULL && (entity == RP_N_ENTITIES || entity == (int) priv->deleted_entity))
    {
      g_autoptr (RpRecord) back = rp_store_get (priv->store, priv->deleted_entity, priv->deleted_id, NULL);
      g_autofree char *deleted_id = NULL;

      if (back == NULL)
        return;
      deleted_id = g_steal_pointer (&priv->deleted_id);
      if (klass->select_subject != NULL)
        klass->select_subject (self, priv->deleted_entity, deleted_id, NULL, FALSE);
    }
}

static gboolean
on_changes_idle_cb (gpointer data)
{
  RpReleasePage *self = data;
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  priv->idle_id = 0;
  deliver_pending (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  if (!is_watched (self, entity))
    return;
  add_pending (priv, entity, id);
  /* A group of writes emits once per row: wait until they are all in. */
  if (priv->idle_id == 0)
    priv->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_changes_idle_cb, self, NULL);
}

static gboolean
text_value_cb (RpEntity entity, const char *column, const char *text, GVariant **value, const char **message,
               gpointer user_data)
{
  RpReleasePage *self = user_data;

  return RP_RELEASE_PAGE_GET_CLASS (self)->text_value (self, entity, column, text, value, message);
}

static gboolean
rp_release_page_real_text_value (RpReleasePage *self, RpEntity entity, const char *column, const char *text,
                                 GVariant **value, const char **message)
{
  return rp_text_value_empty_is_none (entity, column, text, value, message, NULL);
}

static void
rp_release_page_real_flush (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  if (priv->edits != NULL)
    rp_text_edits_flush_all (priv->edits);
}

static void
rp_release_page_unroot (GtkWidget *widget)
{
  /* Leaving the window (the window closing): save what was typed while
   * the fields are all still there. */
  rp_release_page_flush (RP_RELEASE_PAGE (widget));
  GTK_WIDGET_CLASS (rp_release_page_parent_class)->unroot (widget);
}

static void
rp_release_page_dispose (GObject *object)
{
  RpReleasePage *self = RP_RELEASE_PAGE (object);
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  /* Nothing typed is lost when the page goes. */
  rp_release_page_flush (self);
  g_clear_object (&priv->edits);
  g_clear_handle_id (&priv->idle_id, g_source_remove);
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  /* The child goes before the template lets go of it, so that neither
   * unparents it twice. GTK 4.8 disposes only the template of the
   * instance's own class (it reads the children from that class for any
   * type it is given): a base's template children stay, unparented,
   * until the widget is finalized. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (RP_RELEASE_PAGE_GET_CLASS (self)->template_type == G_OBJECT_TYPE (self))
    gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  G_OBJECT_CLASS (rp_release_page_parent_class)->dispose (object);
}

static void
rp_release_page_finalize (GObject *object)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (RP_RELEASE_PAGE (object));

  g_clear_object (&priv->store);
  g_free (priv->release_id);
  g_free (priv->title);
  g_free (priv->icon_name);
  g_free (priv->pending_id);
  g_free (priv->deleted_id);

  G_OBJECT_CLASS (rp_release_page_parent_class)->finalize (object);
}

static void
rp_release_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpReleasePage *self = RP_RELEASE_PAGE (object);
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_RELEASE_ID:
      g_value_set_string (value, priv->release_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_release_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpReleasePage *self = RP_RELEASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rp_release_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_RELEASE_ID:
      rp_release_page_set_release_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      rp_release_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      rp_release_page_set_icon_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_release_page_class_init (RpReleasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_release_page_dispose;
  object_class->finalize = rp_release_page_finalize;
  object_class->get_property = rp_release_page_get_property;
  object_class->set_property = rp_release_page_set_property;
  widget_class->unroot = rp_release_page_unroot;
  klass->flush = rp_release_page_real_flush;
  klass->text_value = rp_release_page_real_text_value;
  /* A group of controls, named by its title; not a nameless widget. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  rp_ui_fix_mnemonic_names ();

  /**
   * RpReleasePage:store:
   *
   * Where the page reads and saves. Set once: at construction, or by a
   * binding for a page declared in a .ui file (whose builder cannot pass
   * an object from outside at construction).
   */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RpReleasePage:release-id:
   *
   * The id of the release shown, or NULL for none.
   */
  properties[PROP_RELEASE_ID] =
      g_param_spec_string ("release-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RpReleasePage:title:
   *
   * The name of the tab, for people ("Scope").
   */
  properties[PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * RpReleasePage:icon-name:
   *
   * The icon of the tab in the view switcher.
   */
  properties[PROP_ICON_NAME] =
      g_param_spec_string ("icon-name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_release_page_init (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  priv->pending_entity = NO_CHANGE;
}

/**
 * rp_release_page_class_watch:
 * @klass: a page class, in its class_init
 * @entity: an entity whose changes the page shows
 *
 * Lets the changes of @entity through to store_changed. A class that
 * watches nothing gets every change; once it watches one entity it gets
 * only those it watches (and RP_N_ENTITIES, "reload everything").
 */
void
rp_release_page_class_watch (RpReleasePageClass *klass, RpEntity entity)
{
  g_return_if_fail (RP_IS_RELEASE_PAGE_CLASS (klass));
  g_return_if_fail (entity < RP_N_ENTITIES);

  klass->watched |= G_GUINT64_CONSTANT (1) << entity;
}

/**
 * rp_release_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store, NULL until it is set
 */
RpStore *
rp_release_page_get_store (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_RELEASE_PAGE (self), NULL);
  return priv->store;
}

/**
 * rp_release_page_set_store:
 * @store: (transfer none) (nullable): the store; NULL does nothing
 *
 * Sets the store, once: it creates the page's text edits, follows the
 * store's changes and calls store_set, then release_changed for the
 * release set before (or none).
 */
void
rp_release_page_set_store (RpReleasePage *self, RpStore *store)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);
  RpReleasePageClass *klass;

  g_return_if_fail (RP_IS_RELEASE_PAGE (self));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  if (store == NULL || store == priv->store)
    return;
  g_return_if_fail (priv->store == NULL);

  klass = RP_RELEASE_PAGE_GET_CLASS (self);
  priv->store = g_object_ref (store);
  priv->edits = rp_text_edits_new (store, klass->edits_flags, text_value_cb, self);
  priv->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  if (klass->store_set != NULL)
    klass->store_set (self);
  if (klass->release_changed != NULL)
    klass->release_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * rp_release_page_get_release_id:
 *
 * Returns: (transfer none) (nullable): the id of the release shown
 */
const char *
rp_release_page_get_release_id (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_RELEASE_PAGE (self), NULL);
  return priv->release_id;
}

/**
 * rp_release_page_set_release_id:
 * @release_id: (nullable): the release to show, NULL for none
 *
 * Saves what was typed for the old release, forgets the rest (a change
 * still waiting, the row to select again after an undo) and calls
 * release_changed.
 */
void
rp_release_page_set_release_id (RpReleasePage *self, const char *release_id)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);
  RpReleasePageClass *klass;

  g_return_if_fail (RP_IS_RELEASE_PAGE (self));

  if (g_strcmp0 (priv->release_id, release_id) == 0)
    return;
  klass = RP_RELEASE_PAGE_GET_CLASS (self);
  rp_release_page_flush (self);
  if (priv->edits != NULL)
    rp_text_edits_forget_all (priv->edits);
  g_free (priv->release_id);
  priv->release_id = g_strdup (release_id);

  /* The new release is read whole: what waited is in it. */
  g_clear_handle_id (&priv->idle_id, g_source_remove);
  g_clear_pointer (&priv->pending_id, g_free);
  priv->pending_entity = NO_CHANGE;
  g_clear_pointer (&priv->deleted_id, g_free);

  if (priv->store != NULL && klass->release_changed != NULL)
    klass->release_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
}

/**
 * rp_release_page_get_title:
 *
 * Returns: (transfer none) (nullable): the name of the tab
 */
const char *
rp_release_page_get_title (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_RELEASE_PAGE (self), NULL);
  return priv->title;
}

void
rp_release_page_set_title (RpReleasePage *self, const char *title)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_if_fail (RP_IS_RELEASE_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  /* A screen reader says which tab it entered. */
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * rp_release_page_get_icon_name:
 *
 * Returns: (transfer none) (nullable): the icon of the tab
 */
const char *
rp_release_page_get_icon_name (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_RELEASE_PAGE (self), NULL);
  return priv->icon_name;
}

void
rp_release_page_set_icon_name (RpReleasePage *self, const char *icon_name)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_if_fail (RP_IS_RELEASE_PAGE (self));

  if (g_strcmp0 (priv->icon_name, icon_name) == 0)
    return;
  g_free (priv->icon_name);
  priv->icon_name = g_strdup (icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

/**
 * rp_release_page_get_edits:
 *
 * The text edits all the text fields of the page share, made with the
 * class's edits_flags and text_value.
 *
 * Returns: (transfer none) (nullable): the edits, NULL until the store
 *   is set
 */
RpTextEdits *
rp_release_page_get_edits (RpReleasePage *self)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_RELEASE_PAGE (self), NULL);
  return priv->edits;
}

/**
 * rp_release_page_select_subject:
 * @entity: what the subject is
 * @id: the id of the row
 * @field: (nullable): a column of that row to focus, or NULL for the row
 *
 * Selects the subject, scrolls to it and gives it the keyboard focus.
 * The page must show the release the subject belongs to.
 *
 * Returns: TRUE when the page holds that subject
 */
gboolean
rp_release_page_select_subject (RpReleasePage *self, RpEntity entity, const char *id, const char *field)
{
  RpReleasePageClass *klass;

  g_return_val_if_fail (RP_IS_RELEASE_PAGE (self), FALSE);
  g_return_val_if_fail (entity < RP_N_ENTITIES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  klass = RP_RELEASE_PAGE_GET_CLASS (self);
  /* What waits is shown first, so that the subject is there to select. */
  rp_release_page_update_now (self);
  return klass->select_subject != NULL && klass->select_subject (self, entity, id, field, TRUE);
}

/**
 * rp_release_page_flush:
 *
 * Saves whatever waits to be saved, as the class's flush does.
 */
void
rp_release_page_flush (RpReleasePage *self)
{
  g_return_if_fail (RP_IS_RELEASE_PAGE (self));

  RP_RELEASE_PAGE_GET_CLASS (self)->flush (self);
}

/**
 * rp_release_page_update_now:
 *
 * Runs store_changed now for the changes that wait for the idle (after
 * the page's own write, to show it at once); nothing when none wait.
 */
void
rp_release_page_update_now (RpReleasePage *self)
{
  g_return_if_fail (RP_IS_RELEASE_PAGE (self));

  deliver_pending (self);
}

/**
 * rp_release_page_show_deleted:
 * @entity: what was deleted
 * @id: the id of the deleted row
 * @what: what was deleted, for people: "Risk “Database migration”"
 *
 * After a delete: a toast "<what> deleted" with an Undo button (action
 * win.undo) in the AdwToastOverlay above the page, if there is one; an
 * undo that brings the row back selects it again.
 */
void
rp_release_page_show_deleted (RpReleasePage *self, RpEntity entity, const char *id, const char *what)
{
  RpReleasePagePrivate *priv = rp_release_page_get_instance_private (self);

  g_return_if_fail (RP_IS_RELEASE_PAGE (self));
  g_return_if_fail (entity < RP_N_ENTITIES);
  g_return_if_fail (id != NULL);

  g_free (priv->deleted_id);
  priv->deleted_id = g_strdup (id);
  priv->deleted_entity = entity;

  rp_ui_toast_deleted (GTK_WIDGET (self), what);
}

/**
 * rp_release_page_class_set_template_from_resource:
 * @klass: a page class, in its class_init
 * @resource_name: the .ui file of the class's template
 *
 * gtk_widget_class_set_template_from_resource() for a page: the page's
 * dispose saves what was typed while the fields are all there, then
 * disposes the template, so a class with one needs no dispose of its own
 * for it.
 */
void
rp_release_page_class_set_template_from_resource (RpReleasePageClass *klass, const char *resource_name)
{
  g_return_if_fail (RP_IS_RELEASE_PAGE_CLASS (klass));

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), resource_name);
  klass->template_type = G_TYPE_FROM_CLASS (klass);
}
