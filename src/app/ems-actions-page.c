/* ems-actions-page.c: the action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-actions-page"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ems-actions-page.h"
#include "ems-tooltip.h"

struct _EmsActionsPage
{
  GtkWidget          parent_instance;

  EmsAssessment     *assessment;
  GtkWidget         *toasts;
  GtkWidget         *box;
  GtkWidget         *stack;
  GtkWidget         *list;
  GtkWidget         *sort_dropdown;
  GtkSortListModel  *sorted;
  GtkCustomSorter   *sorter;
  EmsActionsSort     sort;
  EmsAction         *pending_edit;
};

G_DEFINE_FINAL_TYPE (EmsActionsPage, ems_actions_page, GTK_TYPE_WIDGET)

static int
compare_due (EmsAction *a,
             EmsAction *b)
{
  const char *da = ems_action_get_due (a);
  const char *db = ems_action_get_due (b);

  /* Actions without a due date last */
  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_strcmp0 (da, db);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  EmsActionsPage *self = user_data;
  EmsAction *aa = EMS_ACTION ((gpointer) a);
  EmsAction *ab = EMS_ACTION ((gpointer) b);
  guint ea = ems_action_get_element (aa);
  guint eb = ems_action_get_element (ab);
  int result;

  if (self->sort == EMS_ACTIONS_SORT_ELEMENT)
    {
      /* Unlinked actions (element 0) last */
      if (ea != eb)
        return ea == 0 ? 1 : eb == 0 ? -1 : (ea > eb) - (ea < eb);
      result = g_strcmp0 (ems_action_get_question (aa), ems_action_get_question (ab));
      if (result != 0)
        return result;
      return compare_due (aa, ab);
    }

  result = compare_due (aa, ab);
  if (result != 0)
    return result;
  return (ea > eb) - (ea < eb);
}

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
update_row (GtkWidget *row)
{
  EmsAction *action = g_object_get_data (G_OBJECT (row), "action");
  GtkWidget *overdue = g_object_get_data (G_OBJECT (row), "overdue");
  GtkWidget *due_label = g_object_get_data (G_OBJECT (row), "due-label");
  GtkWidget *status_row = g_object_get_data (G_OBJECT (row), "status-row");
  GtkWidget *title_row = g_object_get_data (G_OBJECT (row), "title-row");
  GtkWidget *owner_row = g_object_get_data (G_OBJECT (row), "owner-row");
  g_autofree char *subtitle = describe_action (action);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  const char *title = ems_action_get_title (action);
  const char *due = ems_action_get_due (action);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title && *title ? title : _("Untitled action"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_visible (overdue, ems_action_is_overdue (action, today));
  gtk_label_set_text (GTK_LABEL (due_label), due ? due : _("No due date"));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (title_row)), title ? title : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (title_row), title ? title : "");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (owner_row)),
                 ems_action_get_owner (action) ? ems_action_get_owner (action) : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (owner_row),
                           ems_action_get_owner (action) ? ems_action_get_owner (action) : "");
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)) != ems_action_get_status (action))
    adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), ems_action_get_status (action));
}

static void
on_title_changed (GtkEditable *editable,
                  EmsAction   *action)
{
  const char *text = gtk_editable_get_text (editable);

  if (g_strcmp0 (text, ems_action_get_title (action) ? ems_action_get_title (action) : "") != 0)
    ems_action_set_title (action, text);
}

static void
on_owner_changed (GtkEditable *editable,
                  EmsAction   *action)
{
  const char *text = gtk_editable_get_text (editable);

  if (g_strcmp0 (text, ems_action_get_owner (action) ? ems_action_get_owner (action) : "") != 0)
    ems_action_set_owner (action, *text ? text : NULL);
}

static void
on_status_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    EmsAction   *action)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected <= EMS_ACTION_DONE && selected != ems_action_get_status (action))
    ems_action_set_status (action, selected);
}

static void
on_day_selected (GtkCalendar *calendar,
                 GtkWidget   *row)
{
  EmsAction *action = g_object_get_data (G_OBJECT (row), "action");
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "due-button");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  ems_action_set_due (action, iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static void
on_due_popover_show (GtkPopover *popover,
                     GtkWidget  *row)
{
  EmsAction *action = g_object_get_data (G_OBJECT (row), "action");
  GtkWidget *calendar = gtk_popover_get_child (popover);
  const char *iso = ems_action_get_due (action);
  int y, m, d;

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, on_day_selected, row);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
      g_signal_handlers_unblock_by_func (calendar, on_day_selected, row);
    }
}

static void
on_clear_due (GtkButton *button,
              EmsAction *action)
{
  ems_action_set_due (action, NULL);
}

static void
on_undo_delete (AdwToast       *toast,
                EmsActionsPage *self)
{
  EmsAction *action = g_object_get_data (G_OBJECT (toast), "action");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "position"));
  GListModel *actions = ems_assessment_get_actions (self->assessment);

  ems_assessment_insert_action (self->assessment,
                                MIN (position, g_list_model_get_n_items (actions)),
                                action);
}

static void
on_delete_clicked (GtkButton      *button,
                   EmsActionsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  g_autoptr(EmsAction) action = g_object_ref (g_object_get_data (G_OBJECT (row), "action"));
  GListModel *actions = ems_assessment_get_actions (self->assessment);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmsAction) item = g_list_model_get_item (actions, i);

      if (item == action)
        {
          AdwToast *toast = adw_toast_new (_("Action deleted"));

          ems_assessment_remove_action (self->assessment, i);
          adw_toast_set_button_label (toast, _("_Undo"));
          g_object_set_data_full (G_OBJECT (toast), "action", g_object_ref (action), g_object_unref);
          g_object_set_data (G_OBJECT (toast), "position", GUINT_TO_POINTER (i));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
          break;
        }
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EmsActionsPage *self = user_data;
  EmsAction *action = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *overdue, *title_row, *owner_row, *due_row, *due_label, *due_button;
  GtkWidget *calendar, *popover, *clear, *status_row, *delete_row, *delete;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);

  overdue = gtk_label_new (_("Overdue"));
  gtk_widget_add_css_class (overdue, "overdue-badge");
  gtk_widget_set_valign (overdue, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), overdue);

  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("What Needs to Be Done"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), title_row);

  owner_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner_row), _("Owner"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), owner_row);

  due_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due_row), _("Due Date"));
  due_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (due_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (due_row), due_label);
  calendar = gtk_calendar_new ();
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), row);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect (popover, "show", G_CALLBACK (on_due_popover_show), row);
  due_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (due_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (due_button), popover);
  gtk_widget_set_valign (due_button, GTK_ALIGN_CENTER);
  ems_tooltip_set_text (due_button, _("Pick the Due Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (due_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick the due date"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (due_row), due_button);
  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  ems_tooltip_set_text (clear, _("Remove the Due Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the due date"), -1);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_due), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (due_row), clear);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), due_row);

  for (guint i = EMS_ACTION_OPEN; i <= EMS_ACTION_DONE; i++)
    gtk_string_list_append (statuses, status_label (i));
  status_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status_row), G_LIST_MODEL (statuses));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), status_row);

  delete_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _("Remove this action from the plan"));
  delete = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (delete), "row", row);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);

  g_object_set_data (G_OBJECT (row), "overdue", overdue);
  g_object_set_data (G_OBJECT (row), "due-label", due_label);
  g_object_set_data (G_OBJECT (row), "due-button", due_button);
  g_object_set_data (G_OBJECT (row), "status-row", status_row);
  g_object_set_data (G_OBJECT (row), "title-row", title_row);
  g_object_set_data (G_OBJECT (row), "owner-row", owner_row);

  update_row (row);

  g_signal_connect (title_row, "changed", G_CALLBACK (on_title_changed), action);
  g_signal_connect (owner_row, "changed", G_CALLBACK (on_owner_changed), action);
  g_signal_connect (status_row, "notify::selected", G_CALLBACK (on_status_selected), action);
  g_signal_connect_object (action, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  if (self->pending_edit == action)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      g_clear_object (&self->pending_edit);
    }

  return row;
}

static void
update_empty (EmsActionsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n > 0 ? "list" : "empty");
}

static void
on_items_changed (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  EmsActionsPage *self)
{
  update_empty (self);
}

static void
on_add_clicked (GtkButton      *button,
                EmsActionsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-action", "s", "");
}

static void
on_sort_selected (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  EmsActionsPage *self)
{
  ems_actions_page_set_sort (self, gtk_drop_down_get_selected (dropdown));
}

static void
build (EmsActionsPage *self)
{
  GtkWidget *scroller, *clamp, *inner, *toolbar, *title, *sort_label, *add, *empty, *content;
  const char *sorts[] = { _("Due Date"), _("Element"), NULL };

  self->toasts = adw_toast_overlay_new ();
  gtk_widget_set_parent (self->toasts, GTK_WIDGET (self));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), self->box);

  self->sorter = gtk_custom_sorter_new (compare_actions, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (ems_assessment_get_actions (self->assessment)),
                                          g_object_ref (GTK_SORTER (self->sorter)));

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->stack);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (inner, "actions-page");
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);

  title = gtk_label_new (_("Action Plan"));
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (inner), title);

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  sort_label = gtk_label_new_with_mnemonic (_("_Sort by"));
  gtk_box_append (GTK_BOX (toolbar), sort_label);
  self->sort_dropdown = gtk_drop_down_new_from_strings (sorts);
  gtk_label_set_mnemonic_widget (GTK_LABEL (sort_label), self->sort_dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort actions by"), -1);
  g_signal_connect (self->sort_dropdown, "notify::selected", G_CALLBACK (on_sort_selected), self);
  gtk_box_append (GTK_BOX (toolbar), self->sort_dropdown);
  add = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Action"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_set_hexpand (add, TRUE);
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (toolbar), add);
  gtk_box_append (GTK_BOX (inner), toolbar);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->sorted),
                           create_row, self, NULL);
  gtk_box_append (GTK_BOX (inner), self->list);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "checkbox-checked-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Actions Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Use “Add Action” on a question to plan what to improve."));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Action"));

    gtk_widget_add_css_class (button, "pill");
    gtk_widget_add_css_class (button, "suggested-action");
    gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
    g_signal_connect (button, "clicked", G_CALLBACK (on_add_clicked), self);
    adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
  }
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  update_empty (self);
}

static void
ems_actions_page_dispose (GObject *object)
{
  EmsActionsPage *self = EMS_ACTIONS_PAGE (object);

  g_clear_pointer (&self->toasts, gtk_widget_unparent);
  self->box = NULL;
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->pending_edit);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_actions_page_parent_class)->dispose (object);
}

static void
ems_actions_page_class_init (EmsActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_actions_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actionspage");
}

static void
ems_actions_page_init (EmsActionsPage *self)
{
}

GtkWidget *
ems_actions_page_new (EmsAssessment *assessment)
{
  EmsActionsPage *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (EMS_TYPE_ACTIONS_PAGE, NULL);
  self->assessment = g_object_ref (assessment);
  build (self);

  return GTK_WIDGET (self);
}

void
ems_actions_page_set_sort (EmsActionsPage *self,
                           EmsActionsSort  sort)
{
  g_return_if_fail (EMS_IS_ACTIONS_PAGE (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->sort_dropdown)) != sort)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->sort_dropdown), sort);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

GListModel *
ems_actions_page_get_model (EmsActionsPage *self)
{
  g_return_val_if_fail (EMS_IS_ACTIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
ems_actions_page_edit (EmsActionsPage *self,
                       EmsAction      *action)
{
  guint n;

  g_return_if_fail (EMS_IS_ACTIONS_PAGE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmsAction) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (item == action)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i);

          if (row != NULL)
            {
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
              gtk_widget_grab_focus (GTK_WIDGET (row));
            }
          return;
        }
    }

  /* Not there yet: expand it when its row is created. */
  g_set_object (&self->pending_edit, action);
}
