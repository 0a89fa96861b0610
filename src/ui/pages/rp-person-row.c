/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rp-person-row.h"
#include "rp-ui-util.h"

/* One entry of the list: a person, "Nobody" or "Add Person…". */
typedef enum
{
  ITEM_PERSON,
  ITEM_NOBODY,
  ITEM_ADD,
} ItemKind;

#define RP_TYPE_PERSON_ROW_ITEM (rp_person_row_item_get_type ())
G_DECLARE_FINAL_TYPE (RpPersonRowItem, rp_person_row_item, RP, PERSON_ROW_ITEM, GObject)

struct _RpPersonRowItem
{
  GObject parent_instance;
  ItemKind kind;
  char *id;
  char *name;
  char *email;
};

G_DEFINE_FINAL_TYPE (RpPersonRowItem, rp_person_row_item, G_TYPE_OBJECT)

static void
rp_person_row_item_finalize (GObject *object)
{
  RpPersonRowItem *self = RP_PERSON_ROW_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->email);
  G_OBJECT_CLASS (rp_person_row_item_parent_class)->finalize (object);
}

static void
rp_person_row_item_class_init (RpPersonRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_person_row_item_finalize;
}

static void
rp_person_row_item_init (RpPersonRowItem *self)
{
}

static RpPersonRowItem *
item_new (ItemKind kind, const char *id, const char *name, const char *email)
{
  RpPersonRowItem *item = g_object_new (RP_TYPE_PERSON_ROW_ITEM, NULL);

  item->kind = kind;
  item->id = g_strdup (id);
  item->name = g_strdup (name);
  item->email = g_strdup (email != NULL && *email != '\0' ? email : NULL);
  return item;
}

struct _RpPersonRow
{
  AdwComboRow parent_instance;

  /* owned */
  RpStore *store;
  GListStore *items;
  char *person_id;
  gulong changed_id;

  gboolean allow_none;
};

G_DEFINE_FINAL_TYPE (RpPersonRow, rp_person_row, ADW_TYPE_COMBO_ROW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ALLOW_NONE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_selected_changed_cb (RpPersonRow *self, GParamSpec *pspec, gpointer user_data);

static guint
find_position (RpPersonRow *self, const char *person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RpPersonRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (person_id == NULL ? item->kind == ITEM_NOBODY
                            : (item->kind == ITEM_PERSON && g_strcmp0 (item->id, person_id) == 0))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Shows self->person_id without telling anyone: it is not a choice. */
static void
select_current (RpPersonRow *self)
{
  guint position = find_position (self, self->person_id);

  g_signal_handlers_block_by_func (self, on_selected_changed_cb, NULL);
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  g_signal_handlers_unblock_by_func (self, on_selected_changed_cb, NULL);
}

static void
reload (RpPersonRow *self)
{
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->allow_none)
    g_ptr_array_add (items, item_new (ITEM_NOBODY, NULL, _("Nobody"), NULL));
  if (self->store != NULL)
    {
      people = rp_store_list (self->store, RP_ENTITY_PERSON, NULL);
      for (guint i = 0; i < people->len; i++)
        {
          RpPerson *person = people->pdata[i];
          g_ptr_array_add (items, item_new (ITEM_PERSON, rp_record_get_id (RP_RECORD (person)),
                                            rp_person_get_name (person), rp_person_get_email (person)));
        }
    }
  g_ptr_array_add (items, item_new (ITEM_ADD, NULL, _("Add Person…"), NULL));

  g_signal_handlers_block_by_func (self, on_selected_changed_cb, NULL);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata,
                       items->len);
  g_signal_handlers_unblock_by_func (self, on_selected_changed_cb, NULL);
  select_current (self);
}

static void
on_store_changed_cb (RpStore *store, int entity, const char *id, RpPersonRow *self)
{
  if (entity == RP_ENTITY_PERSON || entity == RP_N_ENTITIES)
    reload (self);
}

static void
set_person_id_internal (RpPersonRow *self, const char *person_id, gboolean notify)
{
  if (g_strcmp0 (self->person_id, person_id) != 0)
    {
      g_free (self->person_id);
      self->person_id = g_strdup (person_id);
      if (notify)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
  select_current (self);
}

static void
on_dialog_name_changed_cb (GtkEditable *name, AdwMessageDialog *dialog)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "add", *stripped != '\0');
}

static void
on_dialog_responded_cb (AdwMessageDialog *dialog, const char *response, RpPersonRow *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *email = g_object_get_data (G_OBJECT (dialog), "email");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!rp_person_row_add_person (self, gtk_editable_get_text (name), gtk_editable_get_text (email), &error))
    rp_ui_show_error (GTK_WIDGET (self), error->message);
}

/**
 * rp_person_row_open_add_dialog:
 *
 * Returns: (transfer none): the dialog, already presented
 */
GtkWidget *
rp_person_row_open_add_dialog (RpPersonRow *self)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *name;
  GtkWidget *email;

  g_return_val_if_fail (RP_IS_PERSON_ROW (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add Person"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  gtk_widget_set_name (name, "person-name");
  g_signal_connect (name, "changed", G_CALLBACK (on_dialog_name_changed_cb), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), name);

  email = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (email), _("Email (optional)"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (email), GTK_INPUT_PURPOSE_EMAIL);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (email), TRUE);
  gtk_widget_set_name (email, "person-email");
  gtk_list_box_append (GTK_LIST_BOX (list), email);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "email", email);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_responded_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
  return dialog;
}

static void
on_selected_changed_cb (RpPersonRow *self, GParamSpec *pspec, gpointer user_data)
{
  RpPersonRowItem *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self));

  if (item == NULL)
    return;

  switch (item->kind)
    {
    case ITEM_ADD:
      /* Until the dialog adds someone, the choice stays what it was. */
      select_current (self);
      rp_person_row_open_add_dialog (self);
      break;
    case ITEM_NOBODY:
      set_person_id_internal (self, NULL, TRUE);
      break;
    case ITEM_PERSON:
    default:
      set_person_id_internal (self, item->id, TRUE);
      break;
    }
}

static void
on_item_set_up_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer with_email)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  if (with_email)
    {
      GtkWidget *email = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (email), 0);
      gtk_label_set_ellipsize (GTK_LABEL (email), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (email, "caption");
      gtk_widget_add_css_class (email, "dim-label");
      gtk_box_append (GTK_BOX (box), email);
    }
  gtk_list_item_set_child (list_item, box);
}

static void
on_item_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer with_email)
{
  RpPersonRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *email = gtk_widget_get_next_sibling (name);

  gtk_label_set_label (GTK_LABEL (name), item->name);
  if (item->kind == ITEM_PERSON)
    gtk_widget_remove_css_class (name, "dim-label");
  else
    gtk_widget_add_css_class (name, "dim-label");
  if (email != NULL)
    {
      gtk_label_set_label (GTK_LABEL (email), item->email);
      gtk_widget_set_visible (email, item->email != NULL);
    }
}

static GtkListItemFactory *
make_factory (gboolean with_email)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_item_set_up_cb), GINT_TO_POINTER (with_email));
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bound_cb), GINT_TO_POINTER (with_email));
  return factory;
}

static void
rp_person_row_constructed (GObject *object)
{
  RpPersonRow *self = RP_PERSON_ROW (object);

  G_OBJECT_CLASS (rp_person_row_parent_class)->constructed (object);

  if (self->store != NULL)
    self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
rp_person_row_dispose (GObject *object)
{
  RpPersonRow *self = RP_PERSON_ROW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_person_row_parent_class)->dispose (object);
}

static void
rp_person_row_finalize (GObject *object)
{
  RpPersonRow *self = RP_PERSON_ROW (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->person_id, g_free);

  G_OBJECT_CLASS (rp_person_row_parent_class)->finalize (object);
}

static void
rp_person_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RpPersonRow *self = RP_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_person_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RpPersonRow *self = RP_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ALLOW_NONE:
      self->allow_none = g_value_get_boolean (value);
      break;
    case PROP_PERSON_ID:
      rp_person_row_set_person_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_person_row_class_init (RpPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_person_row_constructed;
  object_class->dispose = rp_person_row_dispose;
  object_class->finalize = rp_person_row_finalize;
  object_class->get_property = rp_person_row_get_property;
  object_class->set_property = rp_person_row_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
      g_param_spec_boolean ("allow-none", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
      g_param_spec_string ("person-id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_person_row_init (RpPersonRow *self)
{
  g_autoptr (GtkListItemFactory) factory = make_factory (FALSE);
  g_autoptr (GtkListItemFactory) list_factory = make_factory (TRUE);

  self->allow_none = TRUE;
  self->items = g_list_store_new (RP_TYPE_PERSON_ROW_ITEM);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self), factory);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self), list_factory);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->items));
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_changed_cb), NULL);
}

GtkWidget *
rp_person_row_new (RpStore *store, const char *title, gboolean allow_none)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_PERSON_ROW, "store", store, "title", title, "allow-none", allow_none, NULL);
}

/**
 * rp_person_row_get_person_id:
 *
 * Returns: (nullable): the id of the person chosen, %NULL for nobody
 */
const char *
rp_person_row_get_person_id (RpPersonRow *self)
{
  g_return_val_if_fail (RP_IS_PERSON_ROW (self), NULL);
  return self->person_id;
}

/**
 * rp_person_row_set_person_id:
 * @person_id: (nullable): the person to show, %NULL for nobody
 *
 * Shows @person_id; notifies "person-id" only when it differs.
 */
void
rp_person_row_set_person_id (RpPersonRow *self, const char *person_id)
{
  g_return_if_fail (RP_IS_PERSON_ROW (self));
  set_person_id_internal (self, person_id, TRUE);
}

/**
 * rp_person_row_add_person:
 * @email: (nullable): their email address
 *
 * Returns: %TRUE when the person was added and chosen
 */
gboolean
rp_person_row_add_person (RpPersonRow *self, const char *name, const char *email, GError **error)
{
  g_autoptr (RpRecord) person = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_email = NULL;

  g_return_val_if_fail (RP_IS_PERSON_ROW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  clean_email = g_strstrip (g_strdup (email != NULL ? email : ""));

  person = rp_record_new (RP_ENTITY_PERSON);
  rp_record_set_string (person, "name", clean_name);
  if (*clean_email != '\0')
    rp_record_set_string (person, "email", clean_email);
  if (!rp_store_insert (self->store, person, error))
    return FALSE;

  rp_ui_show_error (GTK_WIDGET (self), NULL);
  set_person_id_internal (self, rp_record_get_id (person), TRUE);
  return TRUE;
}
