/* ems-question-row.c: one question with its level chooser, note, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-question-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ems-question-row.h"
#include "ems-step-view.h"
#include "ems-tooltip.h"

struct _EmsQuestionRow
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkWidget         *card;
  GtkLabel          *id_label;
  GtkWidget         *critical_badge;
  GtkWidget         *help_button;
  GtkLabel          *text_label;
  GtkLabel          *help_label;
  GtkWidget         *level_chooser;
  GtkWidget         *level_buttons[EMS_N_LEVELS];   /* level_0 … level_na */
  GtkLabel          *level_labels[EMS_N_LEVELS];    /* their short labels */
  GtkWidget         *meaning_label;
  GtkWidget         *note_row;
  GtkWidget         *evidence_row;
  GtkWidget         *reason_row;
  GtkWidget         *add_button;
  GtkWidget         *step_view;    /* the next step, with Add to Plan */

  EmsAssessment     *assessment;
  const EmsQuestion *question;

  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (EmsQuestionRow, ems_question_row, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ADVANCE,
  SIGNAL_MOVE_FOCUS,
  SIGNAL_REVEAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
chosen_level (EmsQuestionRow *self)
{
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->level_buttons[i])))
      return i;
  return -1;
}

/* The level button that has the focus, or -1 */
static int
focused_level (EmsQuestionRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < EMS_N_LEVELS && focus != NULL; i++)
    if (focus == self->level_buttons[i] || gtk_widget_is_ancestor (focus, self->level_buttons[i]))
      return i;
  return -1;
}

/* The level chooser is one Tab stop: only one of its buttons is focusable
 * at a time (the chosen level, or the first), the arrow keys move on. */
static void
set_tab_stop (EmsQuestionRow *self,
              int             level)
{
  if (level < 0)
    level = 0;
  gtk_widget_set_focusable (self->level_buttons[level], TRUE);
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    if ((int) i != level)
      gtk_widget_set_focusable (self->level_buttons[i], FALSE);
}

static void
focus_level (EmsQuestionRow *self,
             int             level)
{
  set_tab_stop (self, level);
  gtk_widget_grab_focus (self->level_buttons[MAX (level, 0)]);
}

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
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->level_buttons[i]),
                                    (int) i == chosen);
      /* A radio: "checked", not the toggle button's "pressed" */
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->level_buttons[i]),
                                  GTK_ACCESSIBLE_STATE_PRESSED);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->level_buttons[i]),
                                   GTK_ACCESSIBLE_STATE_CHECKED,
                                   (int) i == chosen ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
    }
  if (focused_level (self) < 0)
    set_tab_stop (self, chosen);

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
  guint level = 0;

  if (self->updating || self->assessment == NULL || !gtk_toggle_button_get_active (button))
    return;

  while (level < EMS_N_LEVELS && self->level_buttons[level] != GTK_WIDGET (button))
    level++;
  g_assert (level < EMS_N_LEVELS);

  choose_level (self, level);

  if (level == EMS_LEVEL_NA)
    {
      const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, self->question->id);

      if (answer == NULL || answer->reason == NULL || *answer->reason == '\0')
        {
          gtk_widget_grab_focus (self->reason_row);
          g_signal_emit (self, signals[SIGNAL_REVEAL], 0, self->reason_row);
        }
    }
}

static void
on_note_changed (GtkEditable    *editable,
                 EmsQuestionRow *self)
{
  if (!self->updating && self->assessment != NULL)
    ems_assessment_set_note (self->assessment, self->question->id,
                             gtk_editable_get_text (editable));
}

static void
on_evidence_changed (GtkEditable    *editable,
                     EmsQuestionRow *self)
{
  if (!self->updating && self->assessment != NULL)
    ems_assessment_set_evidence (self->assessment, self->question->id,
                                 gtk_editable_get_text (editable));
}

static void
on_reason_changed (GtkEditable    *editable,
                   EmsQuestionRow *self)
{
  const EmsAnswer *answer;

  if (self->updating || self->assessment == NULL)
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
  int focused;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (focus_is_editable (self))
    return GDK_EVENT_PROPAGATE;

  focused = focused_level (self);
  switch (keyval)
    {
    /* In reading order: Right never goes back, Left never forward */
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (focused < 0)
        return GDK_EVENT_PROPAGATE;
      if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
        focus_level (self, MIN (focused + 1, EMS_N_LEVELS - 1));
      else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
        focus_level (self, MAX (focused - 1, 0));
      else if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
        focus_level (self, 0);
      else
        focus_level (self, EMS_N_LEVELS - 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_j:
      g_signal_emit (self, signals[SIGNAL_MOVE_FOCUS], 0, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_k:
      g_signal_emit (self, signals[SIGNAL_MOVE_FOCUS], 0, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Enter opens the note; on the other buttons it presses them */
      if (focused < 0)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_grab_focus (self->note_row);
      g_signal_emit (self, signals[SIGNAL_REVEAL], 0, self->note_row);
      return GDK_EVENT_STOP;

    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      ems_assessment_clear_level (self->assessment, self->question->id);
      return GDK_EVENT_STOP;

    case GDK_KEY_question:
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->help_button),
                                    !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->help_button)));
      return GDK_EVENT_STOP;

    case GDK_KEY_n:
    case GDK_KEY_N:
      level = EMS_LEVEL_NA;
      break;

    default:
      if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_4)
        level = keyval - GDK_KEY_0;
      else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_4)
        level = keyval - GDK_KEY_KP_0;
      break;
    }

  if (level < 0)
    return GDK_EVENT_PROPAGATE;

  choose_level (self, level);
  focus_level (self, level);
  if (level == EMS_LEVEL_NA)
    {
      const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, self->question->id);

      if (answer == NULL || answer->reason == NULL || *answer->reason == '\0')
        {
          /* The reason is required: type it first, in view */
          gtk_widget_grab_focus (self->reason_row);
          g_signal_emit (self, signals[SIGNAL_REVEAL], 0, self->reason_row);
          return GDK_EVENT_STOP;
        }
    }

  g_signal_emit (self, signals[SIGNAL_ADVANCE], 0);

  return GDK_EVENT_STOP;
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                EmsQuestionRow          *self)
{
  /* Only where the focus really is (crossings also reach old rows) */
  if (!gtk_event_controller_focus_contains_focus (controller))
    return;
  g_signal_emit (self, signals[SIGNAL_REVEAL], 0, GTK_WIDGET (self));
}

/* Tabbing back into the chooser lands on the chosen level */
static void
on_chooser_focus_leave (GtkEventControllerFocus *controller,
                        EmsQuestionRow          *self)
{
  set_tab_stop (self, chosen_level (self));
}

/* What the checklist says of each level: the buttons' short labels,
 * tooltips and accessible names */
static void
label_level_button (EmsQuestionRow *self,
                    EmsChecklist   *checklist,
                    guint           level)
{
  GtkWidget *button = self->level_buttons[level];
  const char *short_label = ems_checklist_get_level_label (checklist, level);
  const char *meaning = ems_checklist_get_level_meaning (checklist, level);
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (self->level_labels[level], short_label);
  if (level == EMS_LEVEL_NA)
    {
      /* Translators: tooltip of the N/A button: the label, the meaning and the key */
      tooltip = g_strdup_printf (_("%s: %s (key N)"), short_label, meaning);
      accessible = g_strdup (short_label);
    }
  else
    {
      /* Translators: tooltip of a level button: level, label, meaning, key */
      tooltip = g_strdup_printf (_("Level %u, %s: %s (key %u)"), level, short_label, meaning, level);
      /* Translators: accessible name of a level radio button, read as
       * “Level 3, Implemented, selected, 4 of 6” */
      accessible = g_strdup_printf (_("Level %u, %s"), level, short_label);
    }
  ems_tooltip_set_text (button, tooltip);
  /* The position among the six levels: "4 of 6" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) level + 1,
                                  GTK_ACCESSIBLE_RELATION_SET_SIZE, EMS_N_LEVELS,
                                  -1);
}

static void
ems_question_row_dispose (GObject *object)
{
  EmsQuestionRow *self = EMS_QUESTION_ROW (object);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_QUESTION_ROW);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_question_row_parent_class)->dispose (object);
}

static void
ems_question_row_class_init (EmsQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *level_ids[EMS_N_LEVELS] = {
    "level_0", "level_1", "level_2", "level_3", "level_4", "level_na",
  };
  static const char *label_ids[EMS_N_LEVELS] = {
    "level_label_0", "level_label_1", "level_label_2", "level_label_3", "level_label_4",
    "level_label_na",
  };

  G_STATIC_ASSERT (EMS_N_LEVELS == 6 && EMS_LEVEL_NA == 5);

  object_class->dispose = ems_question_row_dispose;

  /**
   * EmsQuestionRow::advance:
   *
   * A level was chosen by its key: the next question may take the focus.
   */
  signals[SIGNAL_ADVANCE] =
    g_signal_new ("advance", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * EmsQuestionRow::move-question:
   * @direction: 1 for the next question, -1 for the previous one
   */
  signals[SIGNAL_MOVE_FOCUS] =
    g_signal_new ("move-question", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * EmsQuestionRow::reveal:
   * @widget: the row or one of its fields
   *
   * @widget has the focus: it should be scrolled into view.
   */
  signals[SIGNAL_REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "questionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, card);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, critical_badge);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, help_button);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, help_label);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, level_chooser);
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, level_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (EmsQuestionRow, level_buttons) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, label_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (EmsQuestionRow, level_labels) +
                                                 i * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, add_button);
  g_type_ensure (EMS_TYPE_STEP_VIEW);
  gtk_widget_class_bind_template_child (widget_class, EmsQuestionRow, step_view);
  gtk_widget_class_bind_template_callback (widget_class, on_level_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action_clicked);
}

static void
ems_question_row_init (EmsQuestionRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not tooltip-text: see ems-tooltip.c */
  ems_tooltip_set_text (self->critical_badge, _("Answering 0 here flags the whole element, whatever its score"));
  ems_tooltip_set_text (self->help_button, _("Show Examples of Evidence (?)"));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_chooser_focus_leave), self);
  gtk_widget_add_controller (self->level_chooser, focus);
  set_tab_stop (self, -1);
}

/* The question's own text, and the checklist's words for the levels */
static void
set_question (EmsQuestionRow *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  const EmsQuestion *q = self->question;
  g_autofree char *id_text = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: the heading of a question card, %s is its id such as 2.3 */
  id_text = g_strdup_printf (_("Question %s"), q->id);
  gtk_label_set_text (self->id_label, id_text);
  gtk_widget_set_visible (self->critical_badge, q->critical);
  gtk_label_set_text (self->text_label, q->text);
  gtk_label_set_text (self->help_label, q->help);
  for (guint i = 0; i < EMS_N_LEVELS; i++)
    label_level_button (self, checklist, i);

  /* Translators: accessible name of the Add Action button, %s is a question id */
  accessible = g_strdup_printf (_("Add an action for question %s"), q->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, q->text, -1);

  /* The radio group is named by its question, id and text */
  g_free (accessible);
  /* Translators: accessible name of a question's level chooser: its id, then its text */
  accessible = g_strdup_printf (_("Question %s: %s"), q->id, q->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_chooser),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
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
  set_question (self);
  ems_step_view_set_question (EMS_STEP_VIEW (self->step_view), assessment, question);
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

  focus_level (self, chosen_level (self));
  g_signal_emit (self, signals[SIGNAL_REVEAL], 0, GTK_WIDGET (self));
}
