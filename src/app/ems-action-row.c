/* ems-action-row.c: one action of the plan, expanded to edit it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-action-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ems-action-row.h"
#include "ems-tooltip.h"

struct _EmsActionRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  GtkWidget      *overdue_badge;
  GtkWidget      *title_row;
  GtkWidget      *owner_row;
  GtkWidget      *due_label;
  GtkWidget      *due_button;
  GtkWidget      *calendar;
  GtkWidget      *clear_due_button;
  GtkWidget      *status_row;
  GtkWidget      *description_view;
  GtkWidget      *phase_row;

  EmsAction      *action;
};

G_DEFINE_FINAL_TYPE (EmsActionRow, ems_action_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ACTION,
  N_PROPS
};

enum {
  DELETE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
status_label (EmsActionStatus status)
{
  switch (status)
    {
    case EMS_ACTION_OPEN:
      return _("Open");
    case EMS_ACTION_IN_PROGRESS:
      return _("In Progress");
    case EMS_ACTION_DONE:
      return _("Done");
    default:
      return "";
    }
}

static char *
describe_action (EmsAction *action)
{
  GString *text = g_string_new (NULL);
  const char *question = ems_action_get_question (action);
  guint element = ems_action_get_element (action);
  const char *owner = ems_action_get_owner (action);
  const char *due = ems_action_get_due (action);

  if (question != NULL)
    /* Translators: where an action belongs: its question id */
    g_string_append_printf (text, _("Question %s"), question);
  else if (element > 0)
    /* Translators: where an action belongs: its element number */
    g_string_append_printf (text, _("Element %u"), element);
  else
    g_string_append (text, _("Not linked to a question"));

  if (ems_action_get_phase (action) > 0)
    {
      g_string_append (text, " · ");
      /* Translators: an action's phase in the plan, %u is 1, 2 or 3 */
      g_string_append_printf (text, _("phase %u"), ems_action_get_phase (action));
    }

  g_string_append (text, " · ");
  g_string_append (text, status_label (ems_action_get_status (action)));

  if (owner != NULL && *owner != '\0')
    {
      g_string_append (text, " · ");
      g_string_append (text, owner);
    }

  g_string_append (text, " · ");
  if (due != NULL)
    /* Translators: an action's due date, in ISO form */
    g_string_append_printf (text, _("due %s"), due);
  else
    g_string_append (text, _("no due date"));

  return g_string_free (text, FALSE);
}

static void
set_entry_text (GtkWidget  *row,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_row (EmsActionRow *self)
{
  EmsAction *action = self->action;
  g_autofree char *subtitle = describe_action (action);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  const char *title = ems_action_get_title (action);
  const char *due = ems_action_get_due (action);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title && *title ? title : _("Untitled action"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_visible (self->overdue_badge, ems_action_is_overdue (action, today));
  gtk_label_set_text (GTK_LABEL (self->due_label), due ? due : _("No due date"));

  set_entry_text (self->title_row, title);
  set_entry_text (self->owner_row, ems_action_get_owner (action));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view));
    const char *description = ems_action_get_description (action);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (g_strcmp0 (shown, description ? description : "") != 0)
      gtk_text_buffer_set_text (buffer, description ? description : "", -1);
  }
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->phase_row)) != ems_action_get_phase (action))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->phase_row), ems_action_get_phase (action));
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row)) != ems_action_get_status (action))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), ems_action_get_status (action));
}

static void
on_title_changed (GtkEditable  *editable,
                  EmsActionRow *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->action == NULL)
    return;
  if (g_strcmp0 (text, ems_action_get_title (self->action) ? ems_action_get_title (self->action) : "") != 0)
    ems_action_set_title (self->action, text);
}

static void
on_owner_changed (GtkEditable  *editable,
                  EmsActionRow *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->action == NULL)
    return;
  if (g_strcmp0 (text, ems_action_get_owner (self->action) ? ems_action_get_owner (self->action) : "") != 0)
    ems_action_set_owner (self->action, *text ? text : NULL);
}

static void
on_status_selected (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    EmsActionRow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->action == NULL)
    return;
  if (selected <= EMS_ACTION_DONE && selected != ems_action_get_status (self->action))
    ems_action_set_status (self->action, selected);
}

static void
on_phase_selected (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   EmsActionRow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->action == NULL)
    return;
  if (selected <= EMS_ACTION_MAX_PHASE && selected != ems_action_get_phase (self->action))
    ems_action_set_phase (self->action, selected);
}

static void
on_description_changed (GtkTextBuffer *buffer,
                        EmsActionRow  *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *current;

  if (self->action == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  current = ems_action_get_description (self->action);
  if (g_strcmp0 (text, current ? current : "") != 0)
    ems_action_set_description (self->action, *text ? text : NULL);
}

static void
on_day_selected (GtkCalendar  *calendar,
                 EmsActionRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  ems_action_set_due (self->action, iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->due_button));
}

static void
on_due_popover_show (GtkPopover   *popover,
                     EmsActionRow *self)
{
  const char *iso = ems_action_get_due (self->action);
  guint y, m, d;

  if (iso == NULL || strlen (iso) != 10)
    return;
  y = (guint) g_ascii_strtoull (iso, NULL, 10);
  m = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (iso + 8, NULL, 10);
  if (y > 0 && m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy (d, m, y))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), date);
      g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
    }
}

static void
on_clear_due (GtkButton    *button,
              EmsActionRow *self)
{
  ems_action_set_due (self->action, NULL);
}

static void
on_delete_clicked (GtkButton    *button,
                   EmsActionRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static void
ems_action_row_constructed (GObject *object)
{
  EmsActionRow *self = EMS_ACTION_ROW (object);

  G_OBJECT_CLASS (ems_action_row_parent_class)->constructed (object);

  g_assert (EMS_IS_ACTION (self->action));
  update_row (self);
  /* Undo of the description is the document's, like every action edit */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view)), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view)),
                           "changed", G_CALLBACK (on_description_changed), self, 0);
  g_signal_connect_object (self->action, "notify", G_CALLBACK (update_row), self, G_CONNECT_SWAPPED);
}

static void
ems_action_row_dispose (GObject *object)
{
  EmsActionRow *self = EMS_ACTION_ROW (object);

  if (self->action != NULL)
    g_signal_handlers_disconnect_by_data (self->action, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_ACTION_ROW);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (ems_action_row_parent_class)->dispose (object);
}

static void
ems_action_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmsActionRow *self = EMS_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_action_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EmsActionRow *self = EMS_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      self->action = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_action_row_class_init (EmsActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ems_action_row_constructed;
  object_class->dispose = ems_action_row_dispose;
  object_class->get_property = ems_action_row_get_property;
  object_class->set_property = ems_action_row_set_property;

  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL, EMS_TYPE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The Delete button: the page removes the action (with an undo toast) */
  signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, overdue_badge);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, clear_due_button);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, description_view);
  gtk_widget_class_bind_template_child (widget_class, EmsActionRow, phase_row);
  gtk_widget_class_bind_template_callback (widget_class, on_phase_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_due_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_due);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
ems_action_row_init (EmsActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not tooltip-text: see ems-tooltip.c */
  ems_tooltip_set_text (self->due_button, _("Pick the Due Date"));
  ems_tooltip_set_text (self->clear_due_button, _("Remove the Due Date"));
}

GtkWidget *
ems_action_row_new (EmsAction *action)
{
  g_return_val_if_fail (EMS_IS_ACTION (action), NULL);

  return g_object_new (EMS_TYPE_ACTION_ROW, "action", action, NULL);
}

EmsAction *
ems_action_row_get_action (EmsActionRow *self)
{
  g_return_val_if_fail (EMS_IS_ACTION_ROW (self), NULL);
  return self->action;
}
