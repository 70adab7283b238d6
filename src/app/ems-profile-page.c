/* ems-profile-page.c: the organisation profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-profile-page"

#include "config.h"

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

  /* Template widgets */
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

  EmsAssessment *assessment;
  GtkStringList *country_model;
  GPtrArray     *country_codes;   /* parallel to country_model */
  char          *employees_title; /* the rows' titles, without an error */
  char          *date_title;

  /* The model's values the fields were last in step with: a field whose
   * text is not valid keeps that text until the value itself changes
   * (undo, for one), whatever else changes in the model. */
  int            known_employees;
  char          *known_date;
  /* An emptied field clears its value only once it stays empty: replacing
   * the text (select all, type) passes through an empty field. */
  guint          clear_employees_id;
  guint          clear_date_id;

  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (EmsProfilePage, ems_profile_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The error in the row's title (and in its tooltip, for when the title is
 * cut short) */
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
      ems_tooltip_set_text (row, text);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      ems_tooltip_set_text (row, NULL);
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

/* An ISO 8601 calendar date, YYYY-MM-DD, that exists (2024-02-29 but
 * not 2026-02-30); spaces around it are allowed. TRUE when valid, with
 * *iso the date (NULL for an empty field); else *problem says why. */
static gboolean
parse_date (const char  *text,
            char       **iso,
            const char **problem)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  static const guint digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint y, m, d;

  *iso = NULL;
  if (*stripped == '\0')
    return TRUE;

  if (strlen (stripped) != 10 || stripped[4] != '-' || stripped[7] != '-')
    {
      *problem = _("use the form 2026-11-23");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (stripped[digits[i]]))
      {
        *problem = _("use the form 2026-11-23");
        return FALSE;
      }

  y = (guint) g_ascii_strtoull (stripped, NULL, 10);
  m = (guint) g_ascii_strtoull (stripped + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (stripped + 8, NULL, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    {
      /* Translators: what is wrong with a date that has the right form
       * but is not in the calendar, such as 2026-02-30; keep it short */
      *problem = _("no such day");
      return FALSE;
    }

  *iso = g_strdup (stripped);
  return TRUE;
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
  const char *date = ems_assessment_get_assessed_on (self->assessment);

  self->updating = TRUE;

  set_entry_text (self->name_row, ems_assessment_get_name (self->assessment));
  set_entry_text (self->site_row, ems_assessment_get_site (self->assessment));
  set_entry_text (self->sector_row, ems_assessment_get_sector (self->assessment));
  set_entry_text (self->assessor_row, ems_assessment_get_assessor (self->assessment));

  /* A text being typed (valid or not) stays unless the value changed */
  if (employees != self->known_employees)
    {
      g_autofree char *text = employees >= 0 ? g_strdup_printf ("%d", employees) : NULL;

      self->known_employees = employees;
      set_entry_text (self->employees_row, text);
      set_row_error (self->employees_row, self->employees_title, NULL);
    }

  if (g_strcmp0 (date, self->known_date) != 0)
    {
      g_free (self->known_date);
      self->known_date = g_strdup (date);
      set_entry_text (self->date_row, date);
      set_row_error (self->date_row, self->date_title, NULL);
    }

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
  const char *property;

  if (self->updating || self->assessment == NULL)
    return;

  if (GTK_WIDGET (editable) == self->name_row)
    property = "name";
  else if (GTK_WIDGET (editable) == self->site_row)
    property = "site";
  else if (GTK_WIDGET (editable) == self->sector_row)
    property = "sector";
  else if (GTK_WIDGET (editable) == self->assessor_row)
    property = "assessor";
  else
    g_assert_not_reached ();

  g_object_set (self->assessment, property,
                empty_to_null (gtk_editable_get_text (editable)), NULL);
}

static gboolean
field_is_empty (GtkWidget *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text == '\0';
}

static gboolean
clear_employees (gpointer user_data)
{
  EmsProfilePage *self = user_data;

  self->clear_employees_id = 0;
  if (field_is_empty (self->employees_row))
    {
      self->known_employees = -1;
      ems_assessment_set_employees (self->assessment, -1);
    }
  return G_SOURCE_REMOVE;
}

static void
on_employees_changed (GtkEditable    *editable,
                      EmsProfilePage *self)
{
  int value;

  if (self->updating || self->assessment == NULL)
    return;

  g_clear_handle_id (&self->clear_employees_id, g_source_remove);
  if (parse_employees (gtk_editable_get_text (editable), &value))
    {
      set_row_error (self->employees_row, self->employees_title, NULL);
      if (value < 0)
        {
          self->clear_employees_id = g_idle_add (clear_employees, self);
          return;
        }
      self->known_employees = value;
      ems_assessment_set_employees (self->assessment, value);
    }
  else
    {
      set_row_error (self->employees_row, self->employees_title,
                     _("enter a whole number, such as 25"));
    }
}

static gboolean
clear_date (gpointer user_data)
{
  EmsProfilePage *self = user_data;

  self->clear_date_id = 0;
  if (field_is_empty (self->date_row))
    {
      g_clear_pointer (&self->known_date, g_free);
      ems_assessment_set_assessed_on (self->assessment, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* The model keeps the last valid date (none once the field is left
 * empty): the file never holds a date that is not one. The field keeps
 * what was typed, marked as an error with the reason in its title. */
static void
on_date_changed (GtkEditable    *editable,
                 EmsProfilePage *self)
{
  g_autofree char *iso = NULL;
  const char *problem = NULL;

  if (self->updating || self->assessment == NULL)
    return;

  g_clear_handle_id (&self->clear_date_id, g_source_remove);
  if (parse_date (gtk_editable_get_text (editable), &iso, &problem))
    {
      set_row_error (self->date_row, self->date_title, NULL);
      if (iso == NULL)
        {
          self->clear_date_id = g_idle_add (clear_date, self);
          return;
        }
      g_free (self->known_date);
      self->known_date = g_strdup (iso);
      ems_assessment_set_assessed_on (self->assessment, iso);
    }
  else
    {
      set_row_error (self->date_row, self->date_title, problem);
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
  g_autofree char *valid = NULL;
  const char *problem;

  if (iso != NULL && parse_date (iso, &valid, &problem) && valid != NULL)
    {
      g_autoptr(GDateTime) date = NULL;

      date = g_date_time_new_local ((int) g_ascii_strtoull (valid, NULL, 10),
                                    (int) g_ascii_strtoull (valid + 5, NULL, 10),
                                    (int) g_ascii_strtoull (valid + 8, NULL, 10),
                                    0, 0, 0);
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

  if (self->updating || self->assessment == NULL ||
      position == GTK_INVALID_LIST_POSITION || position >= self->country_codes->len)
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

  if (self->updating || self->assessment == NULL || position > EMS_LEVEL_MAX)
    return;

  ems_assessment_set_target_level (self->assessment, position);
}

static void
ems_profile_page_constructed (GObject *object)
{
  EmsProfilePage *self = EMS_PROFILE_PAGE (object);
  EmsChecklist *checklist;
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (ems_profile_page_parent_class)->constructed (object);

  g_assert (EMS_IS_ASSESSMENT (self->assessment));
  checklist = ems_assessment_get_checklist (self->assessment);

  self->updating = TRUE;
  for (guint i = 0; i <= EMS_LEVEL_MAX; i++)
    {
      /* Translators: a target level choice: its number and short label */
      g_autofree char *text = g_strdup_printf (_("%u · %s"), i,
                                               ems_checklist_get_level_label (checklist, i));
      gtk_string_list_append (levels, text);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->target_row), G_LIST_MODEL (levels));
  self->updating = FALSE;

  update_from_model (self);
  g_signal_connect_object (self->assessment, "notify",
                           G_CALLBACK (on_assessment_notify), self, 0);
}

static void
ems_profile_page_dispose (GObject *object)
{
  EmsProfilePage *self = EMS_PROFILE_PAGE (object);

  g_clear_handle_id (&self->clear_employees_id, g_source_remove);
  g_clear_handle_id (&self->clear_date_id, g_source_remove);
  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_PROFILE_PAGE);
  g_clear_object (&self->assessment);
  g_clear_object (&self->country_model);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_profile_page_parent_class)->dispose (object);
}

static void
ems_profile_page_finalize (GObject *object)
{
  EmsProfilePage *self = EMS_PROFILE_PAGE (object);

  g_free (self->employees_title);
  g_free (self->date_title);
  g_free (self->known_date);

  G_OBJECT_CLASS (ems_profile_page_parent_class)->finalize (object);
}

static void
ems_profile_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmsProfilePage *self = EMS_PROFILE_PAGE (object);

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
ems_profile_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmsProfilePage *self = EMS_PROFILE_PAGE (object);

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
ems_profile_page_class_init (EmsProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ems_profile_page_constructed;
  object_class->dispose = ems_profile_page_dispose;
  object_class->finalize = ems_profile_page_finalize;
  object_class->get_property = ems_profile_page_get_property;
  object_class->set_property = ems_profile_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, EMS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profilepage");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, page);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, site_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, sector_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, employees_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, country_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, date_row);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, calendar);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, date_button);
  gtk_widget_class_bind_template_child (widget_class, EmsProfilePage, target_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_employees_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_country_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_target_selected);
}

static void
ems_profile_page_init (EmsProfilePage *self)
{
  GtkWidget *text;

  self->known_employees = G_MININT;   /* in step with nothing yet */
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->employees_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->employees_row)));
  self->date_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->date_row)));
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->employees_row)));
  gtk_text_set_input_purpose (GTK_TEXT (text), GTK_INPUT_PURPOSE_DIGITS);
  /* Not tooltip-text: see ems-tooltip.c */
  ems_tooltip_set_text (self->date_button, _("Pick a Date"));

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
  adw_combo_row_set_model (ADW_COMBO_ROW (self->country_row), G_LIST_MODEL (self->country_model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->country_row), 0);
  self->updating = FALSE;
}

GtkWidget *
ems_profile_page_new (EmsAssessment *assessment)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  return g_object_new (EMS_TYPE_PROFILE_PAGE, "assessment", assessment, NULL);
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

