/* ems-question-row.c: one question with its level chooser, note, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-question-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ems-question-row.h"
#include "ems-tooltip.h"

struct _EmsQuestionRow
{
  GtkWidget          parent_instance;

  EmsAssessment     *assessment;
  const EmsQuestion *question;

  GtkWidget         *card;
  GtkWidget         *help_button;
  GtkWidget         *help_revealer;
  GtkWidget         *level_buttons[EMS_N_LEVELS];
  GtkWidget         *meaning_label;
  GtkWidget         *note_row;
  GtkWidget         *evidence_row;
  GtkWidget         *reason_row;

  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (EmsQuestionRow, ems_question_row, GTK_TYPE_WIDGET)

static void
set_entry_text (GtkWidget  *row,
                const char *text)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (row));

  /* Never reset what is being typed: only replace a different text. */
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_from_model (EmsQuestionRow *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, self->question->id);
  int chosen = -1;
  gboolean na = FALSE;
  gboolean reason_missing;

  if (answer != NULL && answer->state == EMS_ANSWER_LEVEL)
    chosen = answer->level;
  else if (answer != NULL && answer->state == EMS_ANSWER_NOT_APPLICABLE)
    chosen = EMS_LEVEL_NA, na = TRUE;

  self->updating = TRUE;

  for (guint i = 0; i < EMS_N_LEVELS; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->level_buttons[i]),
                                  (int) i == chosen);

  set_entry_text (self->note_row, answer ? answer->note : NULL);
  set_entry_text (self->evidence_row, answer ? answer->evidence : NULL);
  set_entry_text (self->reason_row, answer ? answer->reason : NULL);

  self->updating = FALSE;

  gtk_widget_set_visible (self->reason_row, na);
  reason_missing = na && (answer->reason == NULL || *answer->reason == '\0');
  if (reason_missing)
    {
      gtk_widget_add_css_class (self->reason_row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                     _("Why it does not apply (required)"));
    }
  else
    {
      gtk_widget_remove_css_class (self->reason_row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                     _("Why it does not apply"));
    }

  if (chosen >= 0)
    {
      g_autofree char *text = NULL;

      if (na)
        /* Translators: the N/A label, then its meaning */
        text = g_strdup_printf (_("%s: %s"),
                                ems_checklist_get_level_label (checklist, EMS_LEVEL_NA),
                                ems_checklist_get_level_meaning (checklist, EMS_LEVEL_NA));
      else
        /* Translators: level number, its short label, then its meaning */
        text = g_strdup_printf (_("Level %d, %s: %s"), chosen,
                                ems_checklist_get_level_label (checklist, chosen),
                                ems_checklist_get_level_meaning (checklist, chosen));
      gtk_label_set_text (GTK_LABEL (self->meaning_label), text);
      gtk_widget_remove_css_class (self->meaning_label, "dim-label");
      gtk_widget_add_css_class (self->card, "answered");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->meaning_label),
                          _("Not answered yet: choose the level that describes your business today."));
      gtk_widget_add_css_class (self->meaning_label, "dim-label");
      gtk_widget_remove_css_class (self->card, "answered");
    }
}

static void
on_answer_changed (EmsAssessment  *assessment,
                   const char     *question_id,
                   EmsQuestionRow *self)
{
  if (g_strcmp0 (question_id, self->question->id) == 0)
    update_from_model (self);
}

static void
choose_level (EmsQuestionRow *self,
              guint           level)
{
  const char *id = self->question->id;

  if (level == EMS_LEVEL_NA)
    ems_assessment_set_not_applicable (self->assessment, id, NULL);
  else
    ems_assessment_set_level (self->assessment, id, level);
}

static void
on_level_toggled (GtkToggleButton *button,
                  EmsQuestionRow  *self)
{
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "level"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  choose_level (self, level);

  if (level == EMS_LEVEL_NA)
    {
      const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, self->question->id);

      if (answer == NULL || answer->reason == NULL || *answer->reason == '\0')
        gtk_widget_grab_focus (self->reason_row);
    }
}

static void
on_note_changed (GtkEditable    *editable,
                 EmsQuestionRow *self)
{
  if (!self->updating)
    ems_assessment_set_note (self->assessment, self->question->id,
                             gtk_editable_get_text (editable));
}

static void
on_evidence_changed (GtkEditable    *editable,
                     EmsQuestionRow *self)
{
  if (!self->updating)
    ems_assessment_set_evidence (self->assessment, self->question->id,
                                 gtk_editable_get_text (editable));
}

static void
on_reason_changed (GtkEditable    *editable,
                   EmsQuestionRow *self)
{
  const EmsAnswer *answer;

  if (self->updating)
    return;

  answer = ems_assessment_get_answer (self->assessment, self->question->id);
  if (answer != NULL && answer->state == EMS_ANSWER_NOT_APPLICABLE)
    ems_assessment_set_not_applicable (self->assessment, self->question->id,
                                       gtk_editable_get_text (editable));
}

static void
on_add_action_clicked (GtkButton      *button,
                       EmsQuestionRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-action", "s",
                              self->question->id);
}

static gboolean
focus_is_editable (EmsQuestionRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EmsQuestionRow        *self)
{
  int level = -1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (focus_is_editable (self))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_4)
    level = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_4)
    level = keyval - GDK_KEY_KP_0;
  else if (keyval == GDK_KEY_n || keyval == GDK_KEY_N)
    level = EMS_LEVEL_NA;
  else if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_BackSpace)
    {
      ems_assessment_clear_level (self->assessment, self->question->id);
      return GDK_EVENT_STOP;
    }
  else if (keyval == GDK_KEY_question)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->help_button),
                                    !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->help_button)));
      return GDK_EVENT_STOP;
    }

  if (level < 0)
    return GDK_EVENT_PROPAGATE;

  choose_level (self, level);
  gtk_widget_grab_focus (self->level_buttons[level]);
  if (level == EMS_LEVEL_NA)
    {
      const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, self->question->id);

      if (answer == NULL || answer->reason == NULL || *answer->reason == '\0')
        gtk_widget_grab_focus (self->reason_row);
    }

  return GDK_EVENT_STOP;
}

static GtkWidget *
create_level_button (EmsQuestionRow *self,
                     EmsChecklist   *checklist,
                     guint           level)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number;
  GtkWidget *label;
  const char *short_label = ems_checklist_get_level_label (checklist, level);
  const char *meaning = ems_checklist_get_level_meaning (checklist, level);
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: the short label of "not applicable" on the level chooser */
  number = gtk_label_new (level == EMS_LEVEL_NA ? _("N/A") : NULL);
  if (level != EMS_LEVEL_NA)
    {
      char digits[4];

      g_snprintf (digits, sizeof digits, "%u", level);
      gtk_label_set_text (GTK_LABEL (number), digits);
    }
  gtk_widget_add_css_class (number, "level-number");
  label = gtk_label_new (short_label);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "level-button");
  if (level == EMS_LEVEL_NA)
    gtk_widget_add_css_class (button, "level-na");
  else
    {
      g_autofree char *klass = g_strdup_printf ("level-%u", level);
      gtk_widget_add_css_class (button, klass);
    }

  if (level == EMS_LEVEL_NA)
    {
      /* Translators: tooltip of the N/A button: the label, the meaning and the key */
      tooltip = g_strdup_printf (_("%s: %s (key N)"), short_label, meaning);
      accessible = g_strdup_printf ("%s. %s", short_label, meaning);
    }
  else
    {
      /* Translators: tooltip of a level button: level, label, meaning, key */
      tooltip = g_strdup_printf (_("Level %u, %s: %s (key %u)"), level, short_label, meaning, level);
      /* Translators: accessible name of a level button */
      accessible = g_strdup_printf (_("Level %u, %s. %s"), level, short_label, meaning);
    }
  ems_tooltip_set_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_object_set_data (G_OBJECT (button), "level", GUINT_TO_POINTER (level));
  g_signal_connect (button, "toggled", G_CALLBACK (on_level_toggled), self);

  return button;
}

static GtkWidget *
create_entry_row (const char *title,
                  GCallback   callback,
                  gpointer    user_data)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect (row, "changed", callback, user_data);

  return row;
}

static void
build (EmsQuestionRow *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  const EmsQuestion *q = self->question;
  GtkWidget *header, *id_label, *text, *help, *levels, *list, *add, *content;
  g_autofree char *id_text = NULL;
  g_autofree char *accessible = NULL;

  self->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->card, "card");
  gtk_widget_add_css_class (self->card, "question-card");
  gtk_widget_set_parent (self->card, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: the heading of a question card, %s is its id such as 2.3 */
  id_text = g_strdup_printf (_("Question %s"), q->id);
  id_label = gtk_label_new (id_text);
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_widget_add_css_class (id_label, "caption-heading");
  gtk_box_append (GTK_BOX (header), id_label);
  if (q->critical)
    {
      GtkWidget *badge = gtk_label_new (_("Critical"));

      gtk_widget_add_css_class (badge, "critical-badge");
      ems_tooltip_set_text (badge, _("Answering 0 here flags the whole element, whatever its score"));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), badge);
    }

  self->help_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->help_button), "dialog-information-symbolic");
  ems_tooltip_set_text (self->help_button, _("Show Examples of Evidence (?)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->help_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show examples of evidence"),
                                  -1);
  gtk_widget_add_css_class (self->help_button, "flat");
  gtk_widget_set_hexpand (self->help_button, TRUE);
  gtk_widget_set_halign (self->help_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (header), self->help_button);

  gtk_box_append (GTK_BOX (self->card), header);

  text = gtk_label_new (q->text);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "question-text");
  gtk_box_append (GTK_BOX (self->card), text);

  help = gtk_label_new (q->help);
  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_label_set_selectable (GTK_LABEL (help), TRUE);
  gtk_widget_add_css_class (help, "question-help");
  self->help_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->help_revealer), help);
  g_object_bind_property (self->help_button, "active",
                          self->help_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->card), self->help_revealer);

  levels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (levels), TRUE);
  gtk_widget_add_css_class (levels, "linked");
  gtk_widget_add_css_class (levels, "level-chooser");
  gtk_accessible_update_property (GTK_ACCESSIBLE (levels),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Level"), -1);
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    {
      self->level_buttons[i] = create_level_button (self, checklist, i);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->level_buttons[i]),
                                     GTK_TOGGLE_BUTTON (self->level_buttons[0]));
      gtk_box_append (GTK_BOX (levels), self->level_buttons[i]);
    }
  gtk_box_append (GTK_BOX (self->card), levels);

  self->meaning_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->meaning_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->meaning_label), 0);
  gtk_widget_add_css_class (self->meaning_label, "level-meaning");
  gtk_box_append (GTK_BOX (self->card), self->meaning_label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->reason_row = create_entry_row (_("Why it does not apply"),
                                       G_CALLBACK (on_reason_changed), self);
  self->note_row = create_entry_row (_("Note"), G_CALLBACK (on_note_changed), self);
  self->evidence_row = create_entry_row (_("Evidence (documents, records, photos)"),
                                         G_CALLBACK (on_evidence_changed), self);
  gtk_list_box_append (GTK_LIST_BOX (list), self->reason_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->note_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->evidence_row);
  gtk_box_append (GTK_BOX (self->card), list);

  add = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Action"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  /* Translators: accessible name of the Add Action button, %s is a question id */
  accessible = g_strdup_printf (_("Add an action for question %s"), q->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_action_clicked), self);
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self->card), add);
}

static void
ems_question_row_dispose (GObject *object)
{
  EmsQuestionRow *self = EMS_QUESTION_ROW (object);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_clear_pointer (&self->card, gtk_widget_unparent);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_question_row_parent_class)->dispose (object);
}

static void
ems_question_row_class_init (EmsQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_question_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "questionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ems_question_row_init (EmsQuestionRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
ems_question_row_new (EmsAssessment     *assessment,
                      const EmsQuestion *question)
{
  EmsQuestionRow *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (EMS_TYPE_QUESTION_ROW, NULL);
  self->assessment = g_object_ref (assessment);
  self->question = question;
  build (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, question->text, -1);
  update_from_model (self);
  g_signal_connect_object (assessment, "answer-changed",
                           G_CALLBACK (on_answer_changed), self, 0);

  return GTK_WIDGET (self);
}

const EmsQuestion *
ems_question_row_get_question (EmsQuestionRow *self)
{
  g_return_val_if_fail (EMS_IS_QUESTION_ROW (self), NULL);
  return self->question;
}

GtkWidget *
ems_question_row_get_level_button (EmsQuestionRow *self,
                                   guint           level)
{
  g_return_val_if_fail (EMS_IS_QUESTION_ROW (self), NULL);
  g_return_val_if_fail (level < EMS_N_LEVELS, NULL);
  return self->level_buttons[level];
}

GtkWidget *
ems_question_row_get_reason_row (EmsQuestionRow *self)
{
  g_return_val_if_fail (EMS_IS_QUESTION_ROW (self), NULL);
  return self->reason_row;
}

GtkWidget *
ems_question_row_get_note_row (EmsQuestionRow *self)
{
  g_return_val_if_fail (EMS_IS_QUESTION_ROW (self), NULL);
  return self->note_row;
}

gboolean
ems_question_row_is_answered (EmsQuestionRow *self)
{
  const EmsAnswer *answer;

  g_return_val_if_fail (EMS_IS_QUESTION_ROW (self), FALSE);

  answer = ems_assessment_get_answer (self->assessment, self->question->id);
  return answer != NULL && answer->state != EMS_ANSWER_UNANSWERED;
}

void
ems_question_row_focus (EmsQuestionRow *self)
{
  g_return_if_fail (EMS_IS_QUESTION_ROW (self));

  for (guint i = 0; i < EMS_N_LEVELS; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->level_buttons[i])))
      {
        gtk_widget_grab_focus (self->level_buttons[i]);
        return;
      }
  gtk_widget_grab_focus (self->level_buttons[0]);
}
