/* ems-action.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-action"

#include "config.h"

#include <string.h>

#include "ems-action.h"

struct _EmsAction
{
  GObject          parent_instance;

  char            *title;
  guint            element;
  char            *question;
  char            *owner;
  char            *due;
  char            *description;
  guint            phase;
  EmsActionStatus  status;
};

G_DEFINE_FINAL_TYPE (EmsAction, ems_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ELEMENT,
  PROP_QUESTION,
  PROP_OWNER,
  PROP_DUE,
  PROP_STATUS,
  PROP_DESCRIPTION,
  PROP_PHASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue status_values[] = {
  { EMS_ACTION_OPEN, "EMS_ACTION_OPEN", "open" },
  { EMS_ACTION_IN_PROGRESS, "EMS_ACTION_IN_PROGRESS", "in-progress" },
  { EMS_ACTION_DONE, "EMS_ACTION_DONE", "done" },
  { 0, NULL, NULL }
};

GType
ems_action_status_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("EmsActionStatus", status_values));

  return type;
}

const char *
ems_action_status_to_string (EmsActionStatus status)
{
  g_return_val_if_fail (status <= EMS_ACTION_DONE, NULL);

  return status_values[status].value_nick;
}

gboolean
ems_action_status_from_string (const char      *str,
                               EmsActionStatus *status)
{
  for (guint i = 0; status_values[i].value_nick != NULL; i++)
    {
      if (g_strcmp0 (str, status_values[i].value_nick) == 0)
        {
          *status = status_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
ems_action_finalize (GObject *object)
{
  EmsAction *self = (EmsAction *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ems_action_parent_class)->finalize (object);
}

static void
ems_action_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EmsAction *self = EMS_ACTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ELEMENT:
      g_value_set_uint (value, self->element);
      break;

    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_PHASE:
      g_value_set_uint (value, self->phase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_action_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EmsAction *self = EMS_ACTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ems_action_set_title (self, g_value_get_string (value));
      break;

    case PROP_ELEMENT:
      ems_action_set_element (self, g_value_get_uint (value));
      break;

    case PROP_QUESTION:
      ems_action_set_question (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      ems_action_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      ems_action_set_due (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      ems_action_set_status (self, g_value_get_enum (value));
      break;

    case PROP_DESCRIPTION:
      ems_action_set_description (self, g_value_get_string (value));
      break;

    case PROP_PHASE:
      ems_action_set_phase (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_action_class_init (EmsActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ems_action_finalize;
  object_class->get_property = ems_action_get_property;
  object_class->set_property = ems_action_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT] =
    g_param_spec_uint ("element", NULL, NULL, 0, 10, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       EMS_TYPE_ACTION_STATUS, EMS_ACTION_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_uint ("phase", NULL, NULL, 0, EMS_ACTION_MAX_PHASE, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ems_action_init (EmsAction *self)
{
  self->status = EMS_ACTION_OPEN;
}

EmsAction *
ems_action_new (const char *title)
{
  return g_object_new (EMS_TYPE_ACTION, "title", title, NULL);
}

EmsAction *
ems_action_copy (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), NULL);

  return g_object_new (EMS_TYPE_ACTION,
                       "title", self->title,
                       "element", self->element,
                       "question", self->question,
                       "owner", self->owner,
                       "due", self->due,
                       "description", self->description,
                       "phase", self->phase,
                       "status", self->status,
                       NULL);
}

const char *
ems_action_get_title (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), NULL);
  return self->title;
}

void
ems_action_set_title (EmsAction  *self,
                      const char *title)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
ems_action_get_element (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), 0);
  return self->element;
}

void
ems_action_set_element (EmsAction *self,
                        guint      element)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  if (self->element == element)
    return;
  self->element = element;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

const char *
ems_action_get_question (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), NULL);
  return self->question;
}

void
ems_action_set_question (EmsAction  *self,
                         const char *question)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  if (set_string (&self->question, question))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

const char *
ems_action_get_owner (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), NULL);
  return self->owner;
}

void
ems_action_set_owner (EmsAction  *self,
                      const char *owner)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  if (set_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
ems_action_get_due (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), NULL);
  return self->due;
}

void
ems_action_set_due (EmsAction  *self,
                    const char *due)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  if (set_string (&self->due, due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

const char *
ems_action_get_description (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), NULL);
  return self->description;
}

void
ems_action_set_description (EmsAction  *self,
                            const char *description)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

guint
ems_action_get_phase (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), 0);
  return self->phase;
}

void
ems_action_set_phase (EmsAction *self,
                      guint      phase)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  g_return_if_fail (phase <= EMS_ACTION_MAX_PHASE);
  if (self->phase == phase)
    return;
  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

EmsActionStatus
ems_action_get_status (EmsAction *self)
{
  g_return_val_if_fail (EMS_IS_ACTION (self), EMS_ACTION_OPEN);
  return self->status;
}

void
ems_action_set_status (EmsAction       *self,
                       EmsActionStatus  status)
{
  g_return_if_fail (EMS_IS_ACTION (self));
  g_return_if_fail (status <= EMS_ACTION_DONE);
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
ems_action_is_overdue (EmsAction *self,
                       GDate     *today)
{
  GDate due;

  g_return_val_if_fail (EMS_IS_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->status == EMS_ACTION_DONE || self->due == NULL)
    return FALSE;

  if (!ems_date_parse_iso (self->due, &due))
    return FALSE;

  return g_date_compare (&due, today) < 0;
}

gboolean
ems_date_parse_iso (const char *str,
                    GDate      *date)
{
  guint y = 0, m = 0, d = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
    }

  y = (str[0] - '0') * 1000 + (str[1] - '0') * 100 + (str[2] - '0') * 10 + (str[3] - '0');
  m = (str[5] - '0') * 10 + (str[6] - '0');
  d = (str[8] - '0') * 10 + (str[9] - '0');

  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);

  return TRUE;
}
