/* ems-profile-page.c: the organisation profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-profile-page"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ems-profile-page.h"
#include "ems-tooltip.h"

/* Canada, Mexico and the United States first (the CEC's members), then
 * others in alphabetical order of their English names. */
static const struct
{
  const char *code;
  const char *name;
} countries[] = {
  { "CA", N_("Canada") },
  { "MX", N_("Mexico") },
  { "US", N_("United States") },
  { "AR", N_("Argentina") },
  { "AU", N_("Australia") },
  { "BE", N_("Belgium") },
  { "BR", N_("Brazil") },
  { "CL", N_("Chile") },
  { "CN", N_("China") },
  { "CO", N_("Colombia") },
  { "CR", N_("Costa Rica") },
  { "DO", N_("Dominican Republic") },
  { "EC", N_("Ecuador") },
  { "SV", N_("El Salvador") },
  { "FR", N_("France") },
  { "DE", N_("Germany") },
  { "GT", N_("Guatemala") },
  { "HN", N_("Honduras") },
  { "IN", N_("India") },
  { "IE", N_("Ireland") },
  { "IT", N_("Italy") },
  { "JP", N_("Japan") },
  { "KR", N_("South Korea") },
  { "NL", N_("Netherlands") },
  { "NZ", N_("New Zealand") },
  { "NI", N_("Nicaragua") },
  { "PA", N_("Panama") },
  { "PE", N_("Peru") },
  { "PT", N_("Portugal") },
  { "ES", N_("Spain") },
  { "CH", N_("Switzerland") },
  { "GB", N_("United Kingdom") },
  { "UY", N_("Uruguay") },
  { "VE", N_("Venezuela") },
};

struct _EmsProfilePage
{
  GtkWidget      parent_instance;

  EmsAssessment *assessment;
  GtkWidget     *page;
  GtkWidget     *name_row;
  GtkWidget     *site_row;
  GtkWidget     *sector_row;
  GtkWidget     *employees_row;
  GtkWidget     *country_row;
  GtkWidget     *assessor_row;
  GtkWidget     *date_row;
  GtkWidget     *calendar;
  GtkWidget     *date_button;
  GtkWidget     *target_row;
  GtkStringList *country_model;
  GPtrArray     *country_codes;   /* parallel to country_model */

  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (EmsProfilePage, ems_profile_page, GTK_TYPE_WIDGET)

const char *
ems_country_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_strcmp0 (countries[i].code, code) == 0)
      return _(countries[i].name);
  return NULL;
}

static void
set_entry_text (GtkWidget  *row,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_row_error (GtkWidget  *row,
               const char *title,
               const char *error)
{
  if (error != NULL)
    {
      /* Translators: a field's title, then what is wrong with its value */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), title, error);

      gtk_widget_add_css_class (row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

/* Parsing: TRUE when valid; *value is -1 for empty. */
static gboolean
parse_employees (const char *text,
                 int        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 number;

  if (*stripped == '\0')
    {
      *value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT, &number, NULL))
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            char      **iso)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int y, m, d;
  char extra;

  if (*stripped == '\0')
    {
      *iso = NULL;
      return TRUE;
    }
  if (strlen (stripped) != 10 ||
      sscanf (stripped, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}

static const char *
employees_title (void)
{
  return _("Number of Employees");
}

static const char *
date_title (void)
{
  return _("Date of the Assessment (YYYY-MM-DD)");
}

static void
update_target_subtitle (EmsProfilePage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  guint level = ems_assessment_get_target_level (self->assessment);
  g_autofree char *text = NULL;

  /* Translators: the target level row's subtitle: target percent, meaning */
  text = g_strdup_printf (_("Every element should reach %u %%: %s"),
                          25 * level,
                          ems_checklist_get_level_meaning (checklist, level));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row), text);
}

static void
select_country (EmsProfilePage *self,
                const char     *code)
{
  /* Position 0 is "Not stated" */
  guint position = 0;

  if (code != NULL)
    {
      position = GTK_INVALID_LIST_POSITION;
      for (guint i = 0; i < self->country_codes->len; i++)
        if (g_ascii_strcasecmp (g_ptr_array_index (self->country_codes, i), code) == 0)
          position = i;

      if (position == GTK_INVALID_LIST_POSITION)
        {
          /* A code we do not list: keep it, shown as itself. */
          gtk_string_list_append (self->country_model, code);
          g_ptr_array_add (self->country_codes, g_strdup (code));
          position = self->country_codes->len - 1;
        }
    }

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->country_row)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->country_row), position);
}

static void
update_from_model (EmsProfilePage *self)
{
  int employees = ems_assessment_get_employees (self->assessment);
  int typed;
  char *iso = NULL;

  self->updating = TRUE;

  set_entry_text (self->name_row, ems_assessment_get_name (self->assessment));
  set_entry_text (self->site_row, ems_assessment_get_site (self->assessment));
  set_entry_text (self->sector_row, ems_assessment_get_sector (self->assessment));
  set_entry_text (self->assessor_row, ems_assessment_get_assessor (self->assessment));

  /* Leave an invalid text alone unless the model really changed. */
  if (!parse_employees (gtk_editable_get_text (GTK_EDITABLE (self->employees_row)), &typed) ||
      typed != employees)
    {
      g_autofree char *text = employees >= 0 ? g_strdup_printf ("%d", employees) : NULL;

      set_entry_text (self->employees_row, text);
      set_row_error (self->employees_row, employees_title (), NULL);
    }

  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &iso) ||
      g_strcmp0 (iso, ems_assessment_get_assessed_on (self->assessment)) != 0)
    {
      set_entry_text (self->date_row, ems_assessment_get_assessed_on (self->assessment));
      set_row_error (self->date_row, date_title (), NULL);
    }
  g_free (iso);

  select_country (self, ems_assessment_get_country (self->assessment));

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->target_row)) !=
      ems_assessment_get_target_level (self->assessment))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->target_row),
                                ems_assessment_get_target_level (self->assessment));
  update_target_subtitle (self);

  self->updating = FALSE;
}

static void
on_assessment_notify (EmsAssessment  *assessment,
                      GParamSpec     *pspec,
                      EmsProfilePage *self)
{
  update_from_model (self);
}

static const char *
empty_to_null (const char *text)
{
  return (text == NULL || *text == '\0') ? NULL : text;
}

static void
on_text_changed (GtkEditable    *editable,
                 EmsProfilePage *self)
{
  const char *property = g_object_get_data (G_OBJECT (editable), "property");

  if (self->updating)
    return;

  g_object_set (self->assessment, property,
                empty_to_null (gtk_editable_get_text (editable)), NULL);
}

static void
on_employees_changed (GtkEditable    *editable,
                      EmsProfilePage *self)
{
  int value;

  if (self->updating)
    return;

  if (parse_employees (gtk_editable_get_text (editable), &value))
    {
      set_row_error (self->employees_row, employees_title (), NULL);
      ems_assessment_set_employees (self->assessment, value);
    }
  else
    {
      set_row_error (self->employees_row, employees_title (),
                     _("enter a whole number, such as 25"));
    }
}

static void
on_date_changed (GtkEditable    *editable,
                 EmsProfilePage *self)
{
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  if (parse_date (gtk_editable_get_text (editable), &iso))
    {
      set_row_error (self->date_row, date_title (), NULL);
      ems_assessment_set_assessed_on (self->assessment, iso);
    }
  else
    {
      set_row_error (self->date_row, date_title (),
                     _("use the form 2026-11-23"));
    }
}

static void
on_day_selected (GtkCalendar    *calendar,
                 EmsProfilePage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static void
on_date_popover_show (GtkPopover     *popover,
                      EmsProfilePage *self)
{
  const char *iso = ems_assessment_get_assessed_on (self->assessment);
  int y, m, d;

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), date);
      g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
    }
}

static void
on_country_selected (AdwComboRow    *row,
                     GParamSpec     *pspec,
                     EmsProfilePage *self)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->updating || position == GTK_INVALID_LIST_POSITION ||
      position >= self->country_codes->len)
    return;

  ems_assessment_set_country (self->assessment,
                              g_ptr_array_index (self->country_codes, position));
}

static void
on_target_selected (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    EmsProfilePage *self)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->updating || position > EMS_LEVEL_MAX)
    return;

  ems_assessment_set_target_level (self->assessment, position);
}

static GtkWidget *
add_entry_row (EmsProfilePage *self,
               GtkWidget      *group,
               const char     *title,
               const char     *property,
               GCallback       callback)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) property);
  g_signal_connect (row, "changed", callback, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
build (EmsProfilePage *self)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (self->assessment);
  GtkWidget *group, *popover;
  GtkStringList *levels;

  self->page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self->page), _("Organisation"));
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Organisation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The business or site this assessment describes."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));

  self->name_row = add_entry_row (self, group, _("Name"), "name", G_CALLBACK (on_text_changed));
  self->site_row = add_entry_row (self, group, _("Site or Address"), "site", G_CALLBACK (on_text_changed));
  self->sector_row = add_entry_row (self, group, _("Sector (What the Business Does)"), "sector",
                                    G_CALLBACK (on_text_changed));
  self->employees_row = add_entry_row (self, group, employees_title (), "employees",
                                       G_CALLBACK (on_employees_changed));
  gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->employees_row))),
                              GTK_INPUT_PURPOSE_DIGITS);

  self->country_model = gtk_string_list_new (NULL);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the country of an organisation that has not been given;
   * choosing it clears the country */
  gtk_string_list_append (self->country_model, C_("country", "Not stated"));
  g_ptr_array_add (self->country_codes, g_strdup (""));
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      gtk_string_list_append (self->country_model, _(countries[i].name));
      g_ptr_array_add (self->country_codes, g_strdup (countries[i].code));
    }
  self->country_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->country_row), _("Country"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->country_row), G_LIST_MODEL (self->country_model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->country_row), 0);
  g_signal_connect (self->country_row, "notify::selected", G_CALLBACK (on_country_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->country_row);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Assessment"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));

  self->assessor_row = add_entry_row (self, group, _("Assessor (Who Answers)"), "assessor",
                                      G_CALLBACK (on_text_changed));
  self->date_row = add_entry_row (self, group, date_title (), "assessed-on",
                                  G_CALLBACK (on_date_changed));

  self->calendar = gtk_calendar_new ();
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect (popover, "show", G_CALLBACK (on_date_popover_show), self);
  self->date_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->date_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  gtk_widget_set_valign (self->date_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->date_button, "flat");
  ems_tooltip_set_text (self->date_button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick the date of the assessment"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->date_row), self->date_button);

  levels = gtk_string_list_new (NULL);
  for (guint i = 0; i <= EMS_LEVEL_MAX; i++)
    {
      /* Translators: a target level choice: its number and short label */
      g_autofree char *text = g_strdup_printf (_("%u · %s"), i,
                                               ems_checklist_get_level_label (checklist, i));
      gtk_string_list_append (levels, text);
    }
  self->target_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target Level"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->target_row), G_LIST_MODEL (levels));
  g_object_unref (levels);
  g_signal_connect (self->target_row, "notify::selected", G_CALLBACK (on_target_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->target_row);

  update_from_model (self);
  g_signal_connect_object (self->assessment, "notify",
                           G_CALLBACK (on_assessment_notify), self, 0);
}

static void
ems_profile_page_dispose (GObject *object)
{
  EmsProfilePage *self = EMS_PROFILE_PAGE (object);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_object (&self->assessment);
  g_clear_object (&self->country_model);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_profile_page_parent_class)->dispose (object);
}

static void
ems_profile_page_class_init (EmsProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_profile_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profilepage");
}

static void
ems_profile_page_init (EmsProfilePage *self)
{
}

GtkWidget *
ems_profile_page_new (EmsAssessment *assessment)
{
  EmsProfilePage *self;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (EMS_TYPE_PROFILE_PAGE, NULL);
  self->assessment = g_object_ref (assessment);
  build (self);

  return GTK_WIDGET (self);
}

GtkWidget *
ems_profile_page_get_row (EmsProfilePage *self,
                          const char     *property)
{
  g_return_val_if_fail (EMS_IS_PROFILE_PAGE (self), NULL);

  if (g_str_equal (property, "name"))
    return self->name_row;
  if (g_str_equal (property, "site"))
    return self->site_row;
  if (g_str_equal (property, "sector"))
    return self->sector_row;
  if (g_str_equal (property, "employees"))
    return self->employees_row;
  if (g_str_equal (property, "assessor"))
    return self->assessor_row;
  if (g_str_equal (property, "assessed-on"))
    return self->date_row;
  if (g_str_equal (property, "country"))
    return self->country_row;
  if (g_str_equal (property, "target-level"))
    return self->target_row;
  return NULL;
}
