/* ems-results-page-lists.c: the results page's lists: where to start
 * (the weakest elements and their lowest questions) and the open actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-results-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

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

typedef struct
{
  const EmsQuestion *question;
  guint              level;
} LowQuestion;

static int
compare_low (gconstpointer a,
             gconstpointer b)
{
  const LowQuestion *qa = a;
  const LowQuestion *qb = b;

  if (qa->level != qb->level)
    return qa->level < qb->level ? -1 : 1;
  /* Critical first, then heavier, then checklist order */
  if (qa->question->critical != qb->question->critical)
    return qa->question->critical ? -1 : 1;
  if (qa->question->weight != qb->question->weight)
    return qa->question->weight > qb->question->weight ? -1 : 1;
  return qa->question->index < qb->question->index ? -1 : 1;
}

static GtkWidget *
question_row_new (EmsResultsPage    *self,
                  const EmsQuestion *question,
                  guint              level)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: a question in "Where to start": its id and text */
  title = g_strdup_printf (_("%s %s"), question->id, question->text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (question->critical)
    /* Translators: a question's level and its meaning, for a critical question */
    subtitle = g_strdup_printf (_("Level %u: %s · critical"), level,
                                ems_checklist_get_level_meaning (checklist, level));
  else
    /* Translators: a question's level and its meaning */
    subtitle = g_strdup_printf (_("Level %u: %s"), level,
                                ems_checklist_get_level_meaning (checklist, level));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

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
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_ptr_array_add (self->question_buttons, button);

  return row;
}

/* Everything the priorities show depends on */
static char *
priorities_key (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  GString *key = g_string_new (NULL);
  guint shown = 0;

  g_string_append_printf (key, "%u/%d|", self->scores->target_level, self->scores->has_overall);
  for (guint p = 0; p < self->scores->n_elements && shown < N_PRIORITY_ELEMENTS; p++)
    {
      const EmsElementScore *es = &self->scores->elements[self->scores->priority[p]];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);

      if (!es->has_score || es->gap <= 0)
        continue;
      g_string_append_printf (key, "%u:%.17g:%.17g:%d:", es->number, es->score, es->gap, es->red_flag);
      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsAnswer *answer = ems_assessment_get_answer (self->assessment,
                                                               element->questions[q]->id);

          g_string_append_printf (key, "%d%u,", answer ? (int) answer->state : -1,
                                  answer ? answer->level : 0);
        }
      g_string_append_c (key, '|');
      shown++;
    }

  return g_string_free (key, FALSE);
}

void
_ems_results_page_update_priorities (EmsResultsPage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  g_autofree char *key = priorities_key (self);
  GtkWidget *child;
  guint shown = 0;

  if (g_strcmp0 (key, self->priorities_key) == 0)
    return;
  g_free (self->priorities_key);
  self->priorities_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (self->priorities_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->priorities_box), child);
  g_ptr_array_set_size (self->question_buttons, 0);

  for (guint p = 0; p < self->scores->n_elements && shown < N_PRIORITY_ELEMENTS; p++)
    {
      const EmsElementScore *es = &self->scores->elements[self->scores->priority[p]];
      const EmsElement *element = ems_checklist_get_element (checklist, es->number);
      g_autoptr(GArray) low = g_array_new (FALSE, FALSE, sizeof (LowQuestion));
      GtkWidget *group;
      GtkWidget *list;
      g_autofree char *title = NULL;
      g_autofree char *score = NULL;
      g_autofree char *gap = NULL;
      g_autofree char *description = NULL;

      if (!es->has_score || es->gap <= 0)
        continue;

      for (guint q = 0; q < element->n_questions; q++)
        {
          const EmsQuestion *question = element->questions[q];
          const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, question->id);
          LowQuestion lq = { question, 0 };

          if (answer == NULL || answer->state != EMS_ANSWER_LEVEL ||
              answer->level >= self->scores->target_level)
            continue;
          lq.level = answer->level;
          g_array_append_val (low, lq);
        }
      g_array_sort (low, compare_low);

      score = ems_format_percent (es->has_score, es->score);
      gap = ems_format_percent (es->has_score, es->gap);
      /* Translators: heading in "Where to start": element number and title */
      title = g_strdup_printf (_("%u. %s"), es->number, element->title);
      if (es->red_flag)
        /* Translators: score, band word and gap of an element with a red flag */
        description = g_strdup_printf (_("Score %s (%s), %s below the target. A critical question is at level 0."),
                                       score, ems_band_to_label (es->band), gap);
      else
        /* Translators: score, band word and gap of an element */
        description = g_strdup_printf (_("Score %s (%s), %s below the target."),
                                       score, ems_band_to_label (es->band), gap);

      /* A heading and a description that wrap (a preferences group's
       * title would be cut short in a narrow window) */
      group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      {
        GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                           "label", title,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                           NULL);
        GtkWidget *details = gtk_label_new (description);

        gtk_label_set_xalign (GTK_LABEL (heading), 0);
        gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
        gtk_widget_add_css_class (heading, "heading");
        gtk_label_set_xalign (GTK_LABEL (details), 0);
        gtk_label_set_wrap (GTK_LABEL (details), TRUE);
        gtk_widget_add_css_class (details, "dim-label");
        gtk_box_append (GTK_BOX (group), heading);
        gtk_box_append (GTK_BOX (group), details);
      }

      if (low->len > 0)
        {
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          for (guint i = 0; i < low->len && i < N_PRIORITY_QUESTIONS; i++)
            {
              const LowQuestion *lq = &g_array_index (low, LowQuestion, i);

              gtk_list_box_append (GTK_LIST_BOX (list),
                                   question_row_new (self, lq->question, lq->level));
            }
          gtk_widget_set_margin_top (list, 6);
          gtk_box_append (GTK_BOX (group), list);
        }

      gtk_box_append (GTK_BOX (self->priorities_box), group);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *label;

      if (self->scores->has_overall)
        label = gtk_label_new (_("Every element with a score meets the target."));
      else
        label = gtk_label_new (_("Answer some questions to see where to start."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->priorities_box), label);
    }
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

