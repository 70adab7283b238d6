/* ems-actions-page.c: the action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-actions-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ems-action-row.h"
#include "ems-actions-page.h"
#include "ems-draft-dialog.h"

struct _EmsActionsPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkWidget         *toasts;
  GtkWidget         *stack;
  GtkWidget         *list;
  GtkWidget         *sort_dropdown;

  EmsAssessment     *assessment;
  GtkSortListModel  *sorted;
  GtkCustomSorter   *sorter;
  EmsActionsSort     sort;
  EmsAction         *pending_edit;
};

G_DEFINE_FINAL_TYPE (EmsActionsPage, ems_actions_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  guint pa = ems_action_get_phase (aa);
  guint pb = ems_action_get_phase (ab);
  int result;

  /* Grouped by phase: 1, 2, 3, then the actions without one */
  if (pa != pb)
    return pa == 0 ? 1 : pb == 0 ? -1 : (pa > pb) - (pa < pb);

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
on_row_delete (EmsActionRow   *row,
               EmsActionsPage *self)
{
  g_autoptr(EmsAction) action = g_object_ref (ems_action_row_get_action (row));
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
  GtkWidget *row = ems_action_row_new (action);

  g_signal_connect_object (row, "delete", G_CALLBACK (on_row_delete), self, 0);
  if (self->pending_edit == action)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      g_clear_object (&self->pending_edit);
    }

  return row;
}

static const char *
phase_heading (guint phase)
{
  switch (phase)
    {
    case 1:
      return _("Phase 1: First 30 Days");
    case 2:
      return _("Phase 2: By 90 Days");
    case 3:
      return _("Phase 3: By 180 Days");
    default:
      return _("Other Actions");
    }
}

/* A heading above the first action of each phase (the list is sorted by
 * phase first), none when no action has a phase */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  EmsActionsPage *self = user_data;
  EmsAction *action = ems_action_row_get_action (EMS_ACTION_ROW (row));
  guint phase = ems_action_get_phase (action);
  gboolean any_phase = FALSE;
  GtkWidget *header;
  guint n;

  if (before != NULL &&
      ems_action_get_phase (ems_action_row_get_action (EMS_ACTION_ROW (before))) == phase)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n > 0)
    {
      g_autoptr(EmsAction) first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

      any_phase = ems_action_get_phase (first) > 0;
    }
  if (!any_phase)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (phase_heading (phase));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "phase-heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
on_drafted (EmsDraftDialog *dialog,
            guint           n_added,
            EmsActionsPage *self)
{
  g_autofree char *text = NULL;

  /* Translators: a toast after drafting the plan */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action added to the plan",
                                       "%u actions added to the plan", n_added), n_added);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (text));
}

GtkWidget *
ems_actions_page_draft (EmsActionsPage *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (EMS_IS_ACTIONS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ems_draft_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->assessment);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_drafted), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
on_draft_clicked (GtkButton      *button,
                  EmsActionsPage *self)
{
  ems_actions_page_draft (self);
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
  gtk_list_box_invalidate_headers (GTK_LIST_BOX (self->list));
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
  if (self->sorter != NULL)
    ems_actions_page_set_sort (self, gtk_drop_down_get_selected (dropdown));
}

static void
ems_actions_page_constructed (GObject *object)
{
  EmsActionsPage *self = EMS_ACTIONS_PAGE (object);

  G_OBJECT_CLASS (ems_actions_page_parent_class)->constructed (object);

  g_assert (EMS_IS_ASSESSMENT (self->assessment));
  self->sorter = gtk_custom_sorter_new (compare_actions, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (ems_assessment_get_actions (self->assessment)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->sorted),
                           create_row, self, NULL);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), update_header, self, NULL);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  update_empty (self);
}

static void
ems_actions_page_dispose (GObject *object)
{
  EmsActionsPage *self = EMS_ACTIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_ACTIONS_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->pending_edit);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (ems_actions_page_parent_class)->dispose (object);
}

static void
ems_actions_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmsActionsPage *self = EMS_ACTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_actions_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmsActionsPage *self = EMS_ACTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      self->assessment = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_actions_page_class_init (EmsActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ems_actions_page_constructed;
  object_class->dispose = ems_actions_page_dispose;
  object_class->get_property = ems_actions_page_get_property;
  object_class->set_property = ems_actions_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, EMS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actionspage");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsActionsPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, EmsActionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmsActionsPage, list);
  gtk_widget_class_bind_template_child (widget_class, EmsActionsPage, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);
}

static void
ems_actions_page_init (EmsActionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ems_actions_page_new (EmsAssessment *assessment)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  return g_object_new (EMS_TYPE_ACTIONS_PAGE, "assessment", assessment, NULL);
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
