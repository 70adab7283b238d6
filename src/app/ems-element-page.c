/* ems-element-page.c: the page of one element and its questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-element-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ems-element-page.h"
#include "ems-tooltip.h"
#include "ems-question-row.h"
#include "ems-scores.h"

/* Questions built before the first frame; the rest follow when idle, so
 * that the page shows sooner (see bench/bench-startup). */
#define N_FIRST_ROWS 2

struct _EmsElementPage
{
  GtkWidget      parent_instance;

  EmsAssessment *assessment;
  guint          element;

  /* Template widgets */
  GtkWidget     *scroller;
  GtkLabel      *title_label;
  GtkWidget     *summary_label;
  GtkLabel      *why_label;
  GtkWidget     *box;
  GtkWidget     *nav;
  GtkWidget     *previous_button;
  GtkWidget     *next_button;

  GPtrArray     *rows;
  guint          build_id;

  /* The widget to scroll into view at the next frames */
  GtkWidget     *reveal_target;
  guint          reveal_id;
  guint          reveal_frames;
  /* Where the target stood at the last frame: done once it stands still */
  double         reveal_last_y;
  double         reveal_last_height;
  guint          reveal_still;
};

G_DEFINE_FINAL_TYPE (EmsElementPage, ems_element_page, GTK_TYPE_WIDGET)

static void
update_summary (EmsElementPage *self)
{
  g_autoptr(EmsScores) scores = ems_scores_compute (self->assessment);
  const EmsElementScore *es = &scores->elements[self->element - 1];
  g_autofree char *score = ems_format_percent (es->has_score, es->score);
  g_autofree char *text = NULL;
  guint done = es->n_answered + es->n_not_applicable;

  if (es->has_score)
    /* Translators: element summary: answered, total, score (already with %), band */
    text = g_strdup_printf (_("%u of %u answered · score %s · %s"),
                            done, es->n_questions, score,
                            ems_band_to_label (es->band));
  else
    /* Translators: element summary with no score yet: answered, total */
    text = g_strdup_printf (_("%u of %u answered · no score yet"),
                            done, es->n_questions);

  if (es->red_flag)
    {
      g_autofree char *flagged = g_strdup_printf ("%s · %s", text,
                                                  _("a critical question is at level 0"));
      g_free (text);
      text = g_steal_pointer (&flagged);
    }

  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
}

static void
on_changed (EmsAssessment  *assessment,
            EmsElementPage *self)
{
  update_summary (self);
}

static gboolean
auto_advance (EmsElementPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GVariant) state = NULL;

  /* win.auto-advance follows the setting (ems-window.c); without it, on */
  if (G_IS_ACTION_GROUP (root) &&
      g_action_group_has_action (G_ACTION_GROUP (root), "auto-advance"))
    state = g_action_group_get_action_state (G_ACTION_GROUP (root), "auto-advance");
  return state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE_BOOLEAN) ||
         g_variant_get_boolean (state);
}

static void ensure_rows (EmsElementPage *self);

/* Scrolls so that the whole target is visible, its top first when it is
 * taller than the view. Retried for a few frames: after opening a file or
 * building rows the allocation is not there yet. */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  EmsElementPage *self = EMS_ELEMENT_PAGE (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  /* The clamp: coordinates in the scrolled content, not in the view */
  GtkWidget *content = gtk_widget_get_first_child (viewport);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds, focus_bounds;
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);
  double top, bottom, wanted;

  if (self->reveal_target == NULL || self->reveal_frames-- == 0)
    goto done;
  if (gtk_widget_get_width (self->reveal_target) == 0 || page <= 0 ||
      !gtk_widget_compute_bounds (self->reveal_target, content, &bounds))
    return G_SOURCE_CONTINUE;

  /* A little room around, so that the focus ring shows */
  top = bounds.origin.y - 12;
  bottom = bounds.origin.y + bounds.size.height + 12;
  if (bottom - top > page)
    {
      /* Taller than the view: its top, unless the focus would be below */
      wanted = top;
      if (focus != NULL && gtk_widget_is_ancestor (focus, self->reveal_target) &&
          gtk_widget_compute_bounds (focus, content, &focus_bounds) &&
          focus_bounds.origin.y + focus_bounds.size.height + 12 > wanted + page)
        wanted = focus_bounds.origin.y + focus_bounds.size.height + 12 - page;
      if (ABS (wanted - value) < 1)
        goto done;
    }
  else if (top < value)
    wanted = top;
  else if (bottom > value + page)
    wanted = bottom - page;
  else if (bounds.origin.y == self->reveal_last_y &&
           bounds.size.height == self->reveal_last_height &&
           ++self->reveal_still >= 5)
    goto done;
  else if (bounds.origin.y == self->reveal_last_y &&
           bounds.size.height == self->reveal_last_height)
    return G_SOURCE_CONTINUE;
  else
    {
      /* In view, but the layout may still move it: answering a question
       * shows its next step, which pushes the rows below down some frames
       * later. Done once it has stood still for five frames. */
      self->reveal_last_y = bounds.origin.y;
      self->reveal_last_height = bounds.size.height;
      self->reveal_still = 0;
      return G_SOURCE_CONTINUE;
    }

  gtk_adjustment_set_value (adj, wanted);
  /* Scrolled (or not scrollable that far yet): look again at the next
   * frames, until the target stands still in view */
  self->reveal_last_y = -1;
  self->reveal_still = 0;
  return G_SOURCE_CONTINUE;

done:
  g_clear_weak_pointer (&self->reveal_target);
  self->reveal_id = 0;
  return G_SOURCE_REMOVE;
}

static void
reveal (EmsElementPage *self,
        GtkWidget      *target)
{
  g_set_weak_pointer (&self->reveal_target, target);
  self->reveal_frames = 30;
  self->reveal_last_y = -1;
  self->reveal_last_height = -1;
  self->reveal_still = 0;
  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

static void
on_row_reveal (EmsQuestionRow *row,
               GtkWidget      *target,
               EmsElementPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Moved by the program: show where the focus went */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  reveal (self, target);
}

static guint
row_index (EmsElementPage *self,
           EmsQuestionRow *row)
{
  guint index = 0;

  g_ptr_array_find (self->rows, row, &index);
  return index;
}

/* The question @delta away from @row; past the last one, the Next button */
static void
focus_row_after (EmsElementPage *self,
                 EmsQuestionRow *row,
                 int             delta)
{
  int index = (int) row_index (self, row) + delta;

  ensure_rows (self);
  if (index < 0)
    return;
  if ((guint) index >= self->rows->len)
    {
      gtk_widget_grab_focus (self->next_button);
      on_row_reveal (row, self->nav, self);
      return;
    }
  ems_question_row_focus (g_ptr_array_index (self->rows, index));
}

static void
on_row_advance (EmsQuestionRow *row,
                EmsElementPage *self)
{
  if (auto_advance (self))
    focus_row_after (self, row, 1);
}

static void
on_row_move_focus (EmsQuestionRow *row,
                   int             direction,
                   EmsElementPage *self)
{
  focus_row_after (self, row, direction);
}

static void
add_row (EmsElementPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  const EmsElement *element = ems_checklist_get_element (checklist, self->element);
  GtkWidget *row;

  g_assert (self->rows->len < element->n_questions);

  row = ems_question_row_new (self->assessment, element->questions[self->rows->len]);
  gtk_box_insert_child_after (GTK_BOX (self->box), row,
                              self->rows->len > 0 ? g_ptr_array_index (self->rows, self->rows->len - 1)
                                                  : gtk_widget_get_prev_sibling (self->nav));
  g_ptr_array_add (self->rows, row);
  g_signal_connect_object (row, "advance", G_CALLBACK (on_row_advance), self, 0);
  g_signal_connect_object (row, "move-question", G_CALLBACK (on_row_move_focus), self, 0);
  g_signal_connect_object (row, "reveal", G_CALLBACK (on_row_reveal), self, 0);
}

static guint
n_questions (EmsElementPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);

  return ems_checklist_get_element (checklist, self->element)->n_questions;
}

/* Builds every question not built yet */
static void
ensure_rows (EmsElementPage *self)
{
  g_clear_handle_id (&self->build_id, g_source_remove);
  while (self->rows->len < n_questions (self))
    add_row (self);
}

static gboolean
build_more_rows (gpointer user_data)
{
  EmsElementPage *self = user_data;

  if (self->rows->len < n_questions (self))
    add_row (self);
  if (self->rows->len < n_questions (self))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
build (EmsElementPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  const EmsElement *element = ems_checklist_get_element (checklist, self->element);
  g_autofree char *title_text = NULL;

  /* Translators: element page title: number and name */
  title_text = g_strdup_printf (_("%u. %s"), element->number, element->title);
  gtk_label_set_text (self->title_label, title_text);
  gtk_label_set_text (self->why_label, element->why);

  while (self->rows->len < MIN (N_FIRST_ROWS, element->n_questions))
    add_row (self);
  if (self->rows->len < element->n_questions)
    self->build_id = g_idle_add_full (G_PRIORITY_LOW, build_more_rows, self, NULL);

  update_summary (self);
  g_signal_connect_object (self->assessment, "changed",
                           G_CALLBACK (on_changed), self, 0);
}

static void
ems_element_page_dispose (GObject *object)
{
  EmsElementPage *self = EMS_ELEMENT_PAGE (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = 0;
  g_clear_weak_pointer (&self->reveal_target);
  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_ELEMENT_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_element_page_parent_class)->dispose (object);
}

static void
ems_element_page_class_init (EmsElementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_element_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "elementpage");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-element-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, why_label);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, box);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, nav);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, EmsElementPage, next_button);
}

static void
ems_element_page_init (EmsElementPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The questions scroll themselves into view, whole (reveal_tick) */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller))),
                                    FALSE);
  /* Not tooltip-text: see ems-tooltip.c */
  ems_tooltip_set_text (self->previous_button, _("Previous Element (Alt+Page Up)"));
  ems_tooltip_set_text (self->next_button, _("Next Element (Alt+Page Down)"));
}

GtkWidget *
ems_element_page_new (EmsAssessment *assessment,
                      guint          element)
{
  EmsElementPage *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (element >= 1, NULL);

  self = g_object_new (EMS_TYPE_ELEMENT_PAGE, NULL);
  self->assessment = g_object_ref (assessment);
  self->element = element;
  build (self);

  return GTK_WIDGET (self);
}

guint
ems_element_page_get_element (EmsElementPage *self)
{
  g_return_val_if_fail (EMS_IS_ELEMENT_PAGE (self), 0);
  return self->element;
}

GtkWidget *
ems_element_page_get_question_row (EmsElementPage *self,
                                   const char     *question_id)
{
  g_return_val_if_fail (EMS_IS_ELEMENT_PAGE (self), NULL);

  ensure_rows (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      EmsQuestionRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (ems_question_row_get_question (row)->id, question_id) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

gboolean
ems_element_page_focus_first_unanswered (EmsElementPage *self)
{
  g_return_val_if_fail (EMS_IS_ELEMENT_PAGE (self), FALSE);

  for (guint i = 0; i < n_questions (self); i++)
    {
      EmsQuestionRow *row;

      if (i >= self->rows->len)
        ensure_rows (self);
      row = g_ptr_array_index (self->rows, i);
      if (!ems_question_row_is_answered (row))
        {
          ems_question_row_focus (row);
          return TRUE;
        }
    }

  if (self->rows->len > 0)
    ems_question_row_focus (g_ptr_array_index (self->rows, 0));

  return FALSE;
}
