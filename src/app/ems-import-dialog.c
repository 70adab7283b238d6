/* ems-import-dialog.c: the changes a workbook brings to the open
 * assessment, listed before they are applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-import"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-import-dialog.h"

struct _EmsImportDialog
{
  AdwWindow         parent_instance;

  GtkLabel         *summary_label;
  GtkLabel         *explanation_label;
  GtkWidget        *problems_group;
  GtkListBox       *problems_list;
  GtkListBox       *changes_list;

  EmsImportChanges *changes;
  char             *summary;
  guint             n_rows;
};

G_DEFINE_FINAL_TYPE (EmsImportDialog, ems_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
profile_label (const char *key)
{
  static const struct
  {
    const char *key;
    const char *label;
  } labels[] = {
    { "name", N_("Organisation") },
    { "site", N_("Site") },
    { "sector", N_("Sector") },
    { "employees", N_("Employees") },
    { "country", N_("Country") },
    { "assessor", N_("Assessor") },
    { "assessed-on", N_("Date") },
    { "target-level", N_("Target level") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);
  return key;
}

static char *
value_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      /* Translators: an empty profile field in the list of changes */
      return g_strdup (text != NULL && *text != '\0' ? text : _("(empty)"));
    }
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value) < 0 ? g_strdup (_("(empty)"))
                                       : g_strdup_printf ("%d", g_value_get_int (value));
  if (G_VALUE_HOLDS_UINT (value))
    return g_strdup_printf ("%u", g_value_get_uint (value));
  return g_strdup ("");
}

static char *
answer_text (EmsChecklist    *checklist,
             const EmsAnswer *answer)
{
  switch (answer->state)
    {
    case EMS_ANSWER_LEVEL:
      /* Translators: a level in the list of changes: the number, then its label */
      return g_strdup_printf (_("%u – %s"), answer->level,
                              ems_checklist_get_level_label (checklist, answer->level));
    case EMS_ANSWER_NOT_APPLICABLE:
      return g_strdup (_("Not applicable"));
    case EMS_ANSWER_UNANSWERED:
    default:
      return g_strdup (_("Not answered"));
    }
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static GtkWidget *
change_row_new (EmsChecklist    *checklist,
                const EmsImportChange *change)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (change->kind == EMS_CHANGE_PROFILE)
    {
      g_autofree char *before = value_text (&change->old_value);
      g_autofree char *after = value_text (&change->new_value);

      /* Translators: a change in the list: the old value, then the new one */
      subtitle = g_strdup_printf (_("%s → %s"), before, after);
      return row_new (profile_label (change->key), subtitle);
    }

  {
    const EmsQuestion *question = ems_checklist_lookup_question (checklist, change->key);

    /* Translators: a question in the list of changes: its id, then its text */
    title = g_strdup_printf (_("%s  %s"), change->key, question ? question->text : "");
  }
  if (change->fields & EMS_CHANGE_FIELD_LEVEL)
    {
      g_autofree char *before = answer_text (checklist, change->old_answer);
      g_autofree char *after = answer_text (checklist, change->new_answer);

      g_ptr_array_add (parts, g_strdup_printf (_("%s → %s"), before, after));
    }
  if (change->fields & EMS_CHANGE_FIELD_NOTE)
    g_ptr_array_add (parts, g_strdup (change->old_answer->note ? _("note changed") : _("note added")));
  if (change->fields & EMS_CHANGE_FIELD_EVIDENCE)
    g_ptr_array_add (parts, g_strdup (change->old_answer->evidence ? _("evidence changed")
                                                                    : _("evidence added")));
  if (change->fields & EMS_CHANGE_FIELD_REASON)
    g_ptr_array_add (parts, g_strdup (change->old_answer->reason ? _("N/A reason changed")
                                                                  : _("N/A reason added")));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of one change: "2 – Planned → 3 – Implemented; note added" */
  subtitle = g_strjoinv (_("; "), (char **) parts->pdata);
  return row_new (title, subtitle);
}

static char *
summary_text (EmsImportChanges *changes)
{
  g_autofree char *answers = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *profile = NULL;

  /* Translators: part of "12 answers, 3 notes and 2 profile fields change" */
  answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers",
                                          changes->n_answers), changes->n_answers);
  /* Translators: part of "12 answers, 3 notes and 2 profile fields change";
   * notes stand for notes, evidence and N/A reasons */
  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes",
                                        changes->n_notes), changes->n_notes);
  /* Translators: part of "12 answers, 3 notes and 2 profile fields change" */
  profile = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u profile field", "%u profile fields",
                                          changes->n_profile), changes->n_profile);
  /* Translators: the import summary; the parts are "12 answers", "3 notes", "2 profile fields" */
  return g_strdup_printf (_("%s, %s and %s change"), answers, notes, profile);
}

static void
on_cancel_clicked (EmsImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

void
ems_import_dialog_apply (EmsImportDialog *self)
{
  g_return_if_fail (EMS_IS_IMPORT_DIALOG (self));

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_APPLY], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
ems_import_dialog_finalize (GObject *object)
{
  EmsImportDialog *self = EMS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->changes, ems_import_changes_free);
  g_free (self->summary);

  G_OBJECT_CLASS (ems_import_dialog_parent_class)->finalize (object);
}

static void
ems_import_dialog_class_init (EmsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ems_import_dialog_finalize;

  /**
   * EmsImportDialog::apply:
   *
   * The user applies the changes; the dialog closes after.
   */
  signals[SIGNAL_APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EmsImportDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, EmsImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, EmsImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, EmsImportDialog, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, ems_import_dialog_apply);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ems_import_dialog_init (EmsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EmsImportDialog *
ems_import_dialog_new (GtkWindow        *parent,
                       EmsAssessment    *current,
                       const char       *file_name,
                       EmsImportChanges *changes,
                       GPtrArray        *problems)
{
  EmsImportDialog *self;
  EmsChecklist *checklist;
  g_autofree char *explanation = NULL;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (current), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  self = g_object_new (EMS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->changes = changes;
  checklist = ems_assessment_get_checklist (current);

  self->summary = summary_text (changes);
  gtk_label_set_text (self->summary_label, self->summary);
  /* Translators: %s is a workbook's file name */
  explanation = g_strdup_printf (_("From “%s”. Cells left blank in the workbook keep what the "
                                   "assessment has. Applying makes one step that Undo takes back."),
                                 file_name);
  gtk_label_set_text (self->explanation_label, explanation);

  for (guint i = 0; i < changes->changes->len; i++)
    {
      gtk_list_box_append (self->changes_list,
                           change_row_new (checklist, g_ptr_array_index (changes->changes, i)));
      self->n_rows++;
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (problems, i);

      gtk_list_box_append (self->problems_list,
                           row_new (problem->path ? problem->path : file_name, problem->message));
    }
  gtk_widget_set_visible (self->problems_group, problems != NULL && problems->len > 0);

  return self;
}

EmsImportChanges *
ems_import_dialog_get_changes (EmsImportDialog *self)
{
  g_return_val_if_fail (EMS_IS_IMPORT_DIALOG (self), NULL);
  return self->changes;
}

const char *
ems_import_dialog_get_summary (EmsImportDialog *self)
{
  g_return_val_if_fail (EMS_IS_IMPORT_DIALOG (self), NULL);
  return self->summary;
}

guint
ems_import_dialog_get_n_rows (EmsImportDialog *self)
{
  g_return_val_if_fail (EMS_IS_IMPORT_DIALOG (self), 0);
  return self->n_rows;
}
