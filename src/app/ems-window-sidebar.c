/* ems-window-sidebar.c: the window's list of sections (the profile, each
 * element, the action plan, the results) and the progress above it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-i18n.h"
#include "ems-scores.h"
#include "ems-tooltip.h"
#include "ems-window-private.h"

static GtkWidget *
sidebar_row_new (EmsWindow  *self,
                 const char *number,
                 const char *icon_name,
                 const char *title,
                 SidebarRow *out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *lead;

  if (number != NULL)
    {
      lead = gtk_label_new (number);
      gtk_widget_add_css_class (lead, "element-number");
    }
  else
    lead = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (lead, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), lead);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  /* Long element titles (fr, es) wrap onto a second line, between words */
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 24);
  ems_tooltip_set_text (title_label, title);
  out->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (out->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (out->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (out->subtitle, "caption");
  gtk_widget_add_css_class (out->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (vbox), title_label);
  gtk_box_append (GTK_BOX (vbox), out->subtitle);
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_widget_set_valign (vbox, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), vbox);

  out->flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  ems_tooltip_set_text (out->flag, _("A critical question is at level 0"));
  gtk_widget_add_css_class (out->flag, "warning");
  gtk_widget_set_visible (out->flag, FALSE);
  gtk_box_append (GTK_BOX (box), out->flag);

  out->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (out->badge, "band-badge");
  gtk_widget_set_valign (out->badge, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (out->badge, FALSE);
  gtk_box_append (GTK_BOX (box), out->badge);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  out->row = row;

  return row;
}

void
_ems_window_update_sidebar (EmsWindow *self)
{
  EmsAssessment *assessment = _ems_window_get_assessment (self);
  g_autoptr(EmsScores) scores = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *progress = NULL;
  const char *name;
  GListModel *actions;
  guint n_open = 0;
  guint n_overdue = 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  if (assessment == NULL || self->sidebar_rows->len == 0)
    return;

  scores = ems_scores_compute (assessment);

  name = ems_assessment_get_name (assessment);
  gtk_label_set_text (GTK_LABEL (g_array_index (self->sidebar_rows, SidebarRow, 0).subtitle),
                      name && *name ? name : _("Not filled in yet"));

  for (guint i = 0; i < scores->n_elements && i + 1 < self->sidebar_rows->len; i++)
    {
      const EmsElementScore *es = &scores->elements[i];
      SidebarRow *sr = &g_array_index (self->sidebar_rows, SidebarRow, i + 1);
      g_autofree char *score = ems_format_percent (es->has_score, es->score);
      g_autofree char *text = NULL;
      const char *band = ems_band_to_string (es->band);

      if (es->has_score)
        /* Translators: sidebar: answered of total, then the score with its % */
        text = g_strdup_printf (_("%u/%u answered · %s"),
                                es->n_answered + es->n_not_applicable, es->n_questions, score);
      else
        /* Translators: sidebar: answered of total */
        text = g_strdup_printf (_("%u/%u answered"),
                                es->n_answered + es->n_not_applicable, es->n_questions);
      gtk_label_set_text (GTK_LABEL (sr->subtitle), text);
      {
        const EmsElement *element = ems_checklist_get_element (ems_assessment_get_checklist (assessment), i + 1);
        g_autofree char *accessible = NULL;

        /* Translators: accessible name of a sidebar row: number, element, progress, band */
        accessible = g_strdup_printf (_("Element %u, %s: %s%s%s%s"), i + 1, element->title, text,
                                      band ? ", " : "", band ? ems_band_to_label (es->band) : "",
                                      es->red_flag ? _(", a critical question is at level 0") : "");
        gtk_accessible_update_property (GTK_ACCESSIBLE (sr->row),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      }

      gtk_widget_remove_css_class (sr->badge, "red");
      gtk_widget_remove_css_class (sr->badge, "amber");
      gtk_widget_remove_css_class (sr->badge, "green");
      gtk_widget_set_visible (sr->badge, band != NULL);
      if (band != NULL)
        {
          gtk_widget_add_css_class (sr->badge, band);
          gtk_label_set_text (GTK_LABEL (sr->badge), ems_band_to_label (es->band));
        }
      gtk_widget_set_visible (sr->flag, es->red_flag);
    }

  actions = ems_assessment_get_actions (assessment);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);

      if (ems_action_get_status (action) != EMS_ACTION_DONE)
        n_open++;
      if (ems_action_is_overdue (action, today))
        n_overdue++;
    }
  {
    g_autofree char *text = NULL;

    if (n_overdue > 0)
      /* Translators: sidebar: number of unfinished actions, number overdue */
      text = g_strdup_printf (_("%u to do, %u overdue"), n_open, n_overdue);
    else
      /* Translators: sidebar: number of unfinished actions */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action to do", "%u actions to do", n_open), n_open);
    gtk_label_set_text (GTK_LABEL (g_array_index (self->sidebar_rows, SidebarRow,
                                                  _ems_window_actions_page_index (self)).subtitle), text);
  }

  overall = ems_format_percent (scores->has_overall, scores->overall);
  if (_ems_window_results_page_index (self) < self->sidebar_rows->len)
    {
      g_autofree char *text = NULL;

      if (scores->has_overall)
        /* Translators: sidebar: the overall score with its %, then its band word */
        text = g_strdup_printf (_("Overall %s · %s"), overall, ems_band_to_label (scores->band));
      else
        text = g_strdup (_("No score yet"));
      gtk_label_set_text (GTK_LABEL (g_array_index (self->sidebar_rows, SidebarRow,
                                                    _ems_window_results_page_index (self)).subtitle), text);
    }
  if (scores->has_overall)
    /* Translators: progress: answered, total, overall score with its % */
    progress = g_strdup_printf (_("%u of %u questions answered · overall %s"),
                                scores->n_answered + scores->n_not_applicable,
                                scores->n_questions, overall);
  else
    /* Translators: progress: answered (or not applicable), total */
    progress = g_strdup_printf (_("%u of %u questions answered"),
                                scores->n_answered + scores->n_not_applicable,
                                scores->n_questions);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, scores->coverage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);
}

void
_ems_window_build_sidebar (EmsWindow *self)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  GtkWidget *child;
  SidebarRow sr = { 0 };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))))
    gtk_list_box_remove (self->sidebar_list, child);
  g_array_set_size (self->sidebar_rows, 0);

  gtk_list_box_append (self->sidebar_list,
                       sidebar_row_new (self, NULL, "avatar-default-symbolic",
                                        _("Organisation Profile"), &sr));
  g_array_append_val (self->sidebar_rows, sr);

  for (guint i = 1; i <= ems_checklist_get_n_elements (checklist); i++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, i);
      char number[8];

      g_snprintf (number, sizeof number, "%u", i);
      gtk_list_box_append (self->sidebar_list,
                           sidebar_row_new (self, number, NULL, element->title, &sr));
      g_array_append_val (self->sidebar_rows, sr);
    }

  gtk_list_box_append (self->sidebar_list,
                       sidebar_row_new (self, NULL, "view-list-bullet-symbolic",
                                        _("Action Plan"), &sr));
  g_array_append_val (self->sidebar_rows, sr);

  gtk_list_box_append (self->sidebar_list,
                       sidebar_row_new (self, NULL, "x-office-presentation-symbolic",
                                        _("Results"), &sr));
  g_array_append_val (self->sidebar_rows, sr);

  _ems_window_update_sidebar (self);
}

