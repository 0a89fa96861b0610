/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rp-wrap-text-view.h"

/* Why not a plain GtkTextView: its measure reports the height of its
 * layout as laid out at the width it had before, and it lays the text out
 * at a new width only while it is being allocated; in GTK 4.8 the height
 * it finds then asks for no new size. A text view created in a row (a
 * criterion of a scope item) is so measured before it ever had a width:
 * it gets the height of its margins alone, 0 px for the text, until
 * something else (a resize of the window) measures it again. In a
 * scrolled window that does not show; in a row it is a blank criterion.
 *
 * This one measures what it holds for the width it is offered, as a
 * wrapping GtkLabel does: the buffer's text in a Pango layout of the
 * view's font, wrapped as the view wraps it, at that width less the
 * view's margins (and the pixel GtkTextView keeps for the cursor), plus
 * the top and bottom margins. For plain text with the default spacing:
 * tags that change the size of the text, pixels above, below or inside
 * lines, and child widgets are not measured. */

#define SPACE_FOR_CURSOR 1

struct _RpWrapTextView
{
  GtkTextView parent_instance;

  GtkTextBuffer *buffer; /* borrowed: the view's, watched for changes */
};

G_DEFINE_FINAL_TYPE (RpWrapTextView, rp_wrap_text_view, GTK_TYPE_TEXT_VIEW)

static PangoWrapMode
pango_wrap_mode (GtkWrapMode mode)
{
  switch (mode)
    {
    case GTK_WRAP_CHAR:
      return PANGO_WRAP_CHAR;
    case GTK_WRAP_WORD:
      return PANGO_WRAP_WORD;
    case GTK_WRAP_NONE:
    case GTK_WRAP_WORD_CHAR:
    default:
      return PANGO_WRAP_WORD_CHAR;
    }
}

static int
height_for_width (RpWrapTextView *self, int width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int text_width, height = 0;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, TRUE);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  text_width = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view) -
               MAX (0, gtk_text_view_get_indent (view)) - SPACE_FOR_CURSOR;
  if (gtk_text_view_get_wrap_mode (view) != GTK_WRAP_NONE)
    {
      pango_layout_set_wrap (layout, pango_wrap_mode (gtk_text_view_get_wrap_mode (view)));
      pango_layout_set_width (layout, MAX (1, text_width) * PANGO_SCALE);
    }
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static GtkSizeRequestMode
rp_wrap_text_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rp_wrap_text_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                           int *natural, int *minimum_baseline, int *natural_baseline)
{
  GTK_WIDGET_CLASS (rp_wrap_text_view_parent_class)
      ->measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  /* The parent's height is that of the last width it was laid out at:
   * the height for this width replaces it. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    *minimum = *natural = height_for_width (RP_WRAP_TEXT_VIEW (widget), for_size);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer, RpWrapTextView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
watch_buffer (RpWrapTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (self->buffer == buffer)
    return;
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_func (self->buffer, on_buffer_changed_cb, self);
  self->buffer = buffer;
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_buffer_set_cb (RpWrapTextView *self, GParamSpec *pspec, gpointer data)
{
  watch_buffer (self);
}

static void
rp_wrap_text_view_class_init (RpWrapTextViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = rp_wrap_text_view_get_request_mode;
  widget_class->measure = rp_wrap_text_view_measure;
}

static void
rp_wrap_text_view_init (RpWrapTextView *self)
{
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  g_signal_connect (self, "notify::buffer", G_CALLBACK (on_buffer_set_cb), NULL);
  watch_buffer (self);
}

GtkWidget *
rp_wrap_text_view_new (void)
{
  return g_object_new (RP_TYPE_WRAP_TEXT_VIEW, NULL);
}
