/* ems-results-page-lists.c: the results page's lists: where to start
 * (the weakest elements and their lowest questions) and the open actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-results-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ems-draft-dialog.h"
#include "ems-plan-draft.h"
#include "ems-results-page-private.h"
#include "ems-tooltip.h"

/* Priorities */

static void
on_question_clicked (GtkButton      *button,
                     EmsResultsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "question-id");

  if (id != NULL)
    g_signal_emit_by_name (self, "show-question", id);
}

static void
on_add_step_clicked (GtkButton      *button,
                     EmsResultsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "question-id");
  const EmsQuestion *question;
  g_autoptr(EmsAction) action = NULL;

  question = ems_checklist_lookup_question (ems_assessment_get_checklist (self->assessment), id);
  if (question == NULL)
    return;
  action = ems_plan_action_for_question (self->assessment, question, NULL);
  if (action != NULL)
    ems_assessment_add_action (self->assessment, action);
}

static GtkWidget *
question_row_new (EmsResultsPage    *self,
                  const EmsPlanStep *step)
{
  const EmsQuestion *question = step->question;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  GtkWidget *add;
  gboolean planned = ems_plan_has_action_for (self->assessment, question->id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *add_accessible = NULL;

  /* Translators: a question in "Where to start": its id and text */
  title = g_strdup_printf (_("%s %s"), question->id, question->text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: in "Where to start": the answer's level, the step's
   * effort ("Low", "Medium", "High") and the step itself */
  subtitle = g_strdup_printf (_("Level %u%s · %s effort: %s"), step->level,
                              step->critical_zero ? _(" · critical") : "",
                              ems_effort_to_label (step->effort),
                              step->text ? step->text : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* An icon, so that the row fits a phone's width; the words in its tooltip */
  add = gtk_button_new_from_icon_name (planned ? "object-select-symbolic" : "list-add-symbolic");
  ems_tooltip_set_text (add, planned ? _("In the Plan") : _("Add to Plan"));
  gtk_widget_set_sensitive (add, !planned);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  /* Translators: accessible name of "Add to Plan" in "Where to start"; %s is a question id */
  add_accessible = g_strdup_printf (_("Add the step of question %s to the plan"), question->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_accessible, -1);
  g_object_set_data_full (G_OBJECT (add), "question-id", g_strdup (question->id), g_free);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_step_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the button that shows a question; %s is its id */
  accessible = g_strdup_printf (_("Go to Question %s"), question->id);
  ems_tooltip_set_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "question-id", g_strdup (question->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_question_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_ptr_array_add (self->question_buttons, button);

  return row;
}

/* Everything the list shows depends on */
static char *
priorities_key (EmsResultsPage *self,
                GArray         *steps)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%u/%d|", self->scores->target_level, self->scores->has_overall);
  for (guint i = 0; i < steps->len && i < N_WHERE_TO_START; i++)
    {
      const EmsPlanStep *step = &g_array_index (steps, EmsPlanStep, i);

      g_string_append_printf (key, "%s:%u:%d,", step->question->id, step->level,
                              ems_plan_has_action_for (self->assessment, step->question->id));
    }

  return g_string_free (key, FALSE);
}

/* The first steps in the domain brief's order (ems_plan_where_to_start) */
void
_ems_results_page_update_priorities (EmsResultsPage *self)
{
  g_autoptr(GArray) steps = ems_plan_where_to_start (self->assessment, self->scores);
  g_autofree char *key = priorities_key (self, steps);
  GtkWidget *child;
  GtkWidget *list;
  GtkWidget *draft;

  if (g_strcmp0 (key, self->priorities_key) == 0)
    return;
  g_free (self->priorities_key);
  self->priorities_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (self->priorities_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->priorities_box), child);
  g_ptr_array_set_size (self->question_buttons, 0);

  if (steps->len == 0)
    {
      GtkWidget *label;

      if (self->scores->has_overall)
        label = gtk_label_new (_("Every element with a score meets the target."));
      else
        label = gtk_label_new (_("Answer some questions to see where to start."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->priorities_box), label);
      return;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Where to Start"), -1);
  for (guint i = 0; i < steps->len && i < N_WHERE_TO_START; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         question_row_new (self, &g_array_index (steps, EmsPlanStep, i)));
  gtk_box_append (GTK_BOX (self->priorities_box), list);

  draft = gtk_button_new_with_mnemonic (_("_Draft an Action Plan…"));
  gtk_widget_set_halign (draft, GTK_ALIGN_START);
  gtk_widget_set_margin_top (draft, 6);
  g_signal_connect_swapped (draft, "clicked", G_CALLBACK (ems_results_page_draft), self);
  gtk_box_append (GTK_BOX (self->priorities_box), draft);
}

GtkWidget *
ems_results_page_draft (EmsResultsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = ems_draft_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->assessment);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Open actions */

void
_ems_results_page_update_open_actions (EmsResultsPage *self)
{
  GListModel *actions = ems_assessment_get_actions (self->assessment);
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  GtkWidget *child;
  guint shown = 0;
  GString *key = g_string_new (NULL);

  /* Everything the list shows depends on, today included (overdue) */
  g_string_append_printf (key, "%u|", g_date_get_julian (today));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f%u\x1f%d\x1e",
                              ems_action_get_title (action) ? ems_action_get_title (action) : "",
                              ems_action_get_owner (action) ? ems_action_get_owner (action) : "",
                              ems_action_get_due (action) ? ems_action_get_due (action) : "",
                              ems_action_get_element (action),
                              (int) ems_action_get_status (action));
    }
  if (g_strcmp0 (key->str, self->actions_key) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->actions_key);
  self->actions_key = g_string_free (key, FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
    gtk_list_box_remove (self->actions_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);
      EmsActionStatus status = ems_action_get_status (action);
      const char *title = ems_action_get_title (action);
      const char *owner = ems_action_get_owner (action);
      const char *due = ems_action_get_due (action);
      guint number = ems_action_get_element (action);
      const EmsElement *element = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      if (status == EMS_ACTION_DONE)
        continue;

      if (number >= 1 && number <= ems_checklist_get_n_elements (checklist))
        element = ems_checklist_get_element (checklist, number);
      if (element != NULL)
        /* Translators: the element of an action: number and title */
        g_string_append_printf (subtitle, _("%u. %s"), element->number, element->title);
      if (owner != NULL && *owner != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, owner);
        }
      if (due != NULL && *due != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          if (ems_action_is_overdue (action, today))
            /* Translators: an action's due date, passed */
            g_string_append_printf (subtitle, _("overdue since %s"), due);
          else
            /* Translators: an action's due date */
            g_string_append_printf (subtitle, _("due %s"), due);
        }
      if (status == EMS_ACTION_IN_PROGRESS)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("in progress"));
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     title != NULL && *title != '\0' ? title : _("Untitled action"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_append (self->actions_list, row);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No open actions"));
      gtk_list_box_append (self->actions_list, row);
    }
}

