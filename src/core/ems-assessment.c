/* ems-assessment.c: the assessment document and the .emsa format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ems-assessment.h"
#include "ems-error.h"
#include "ems-json-reader.h"

struct _EmsAssessment
{
  GObject        parent_instance;

  EmsChecklist  *checklist;

  char          *name;
  char          *site;
  char          *sector;
  int            employees;
  char          *country;
  char          *assessor;
  char          *assessed_on;
  guint          target_level;

  GHashTable    *answers;       /* id -> EmsAnswer* */
  GListStore    *actions;       /* EmsAction */

  /* Members this version does not use, written back unchanged. */
  JsonObject    *extra;
  JsonObject    *extra_organisation;
};

G_DEFINE_FINAL_TYPE (EmsAssessment, ems_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_NAME,
  PROP_SITE,
  PROP_SECTOR,
  PROP_EMPLOYEES,
  PROP_COUNTRY,
  PROP_ASSESSOR,
  PROP_ASSESSED_ON,
  PROP_TARGET_LEVEL,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
ems_problem_free (EmsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem->path);
  g_free (problem);
}

static void
emit_changed (EmsAssessment *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_action_notify (EmsAssessment *self)
{
  emit_changed (self);
}

static void
on_actions_items_changed (EmsAssessment *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (action, on_action_notify, self);
      g_signal_connect_object (action, "notify",
                               G_CALLBACK (on_action_notify), self,
                               G_CONNECT_SWAPPED);
    }

  emit_changed (self);
}

static void
ems_assessment_dispose (GObject *object)
{
  EmsAssessment *self = (EmsAssessment *)object;

  if (self->actions != NULL)
    g_signal_handlers_disconnect_by_data (self->actions, self);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (ems_assessment_parent_class)->dispose (object);
}

static void
ems_assessment_finalize (GObject *object)
{
  EmsAssessment *self = (EmsAssessment *)object;

  g_clear_object (&self->checklist);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->assessor, g_free);
  g_clear_pointer (&self->assessed_on, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->extra_organisation, json_object_unref);

  G_OBJECT_CLASS (ems_assessment_parent_class)->finalize (object);
}

static void
ems_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmsAssessment *self = EMS_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;

    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;

    case PROP_EMPLOYEES:
      g_value_set_int (value, self->employees);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_ASSESSOR:
      g_value_set_string (value, self->assessor);
      break;

    case PROP_ASSESSED_ON:
      g_value_set_string (value, self->assessed_on);
      break;

    case PROP_TARGET_LEVEL:
      g_value_set_uint (value, self->target_level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_assessment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EmsAssessment *self = EMS_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      self->checklist = g_value_dup_object (value);
      if (self->checklist == NULL)
        self->checklist = g_object_ref (ems_checklist_get_default ());
      break;

    case PROP_NAME:
      ems_assessment_set_name (self, g_value_get_string (value));
      break;

    case PROP_SITE:
      ems_assessment_set_site (self, g_value_get_string (value));
      break;

    case PROP_SECTOR:
      ems_assessment_set_sector (self, g_value_get_string (value));
      break;

    case PROP_EMPLOYEES:
      ems_assessment_set_employees (self, g_value_get_int (value));
      break;

    case PROP_COUNTRY:
      ems_assessment_set_country (self, g_value_get_string (value));
      break;

    case PROP_ASSESSOR:
      ems_assessment_set_assessor (self, g_value_get_string (value));
      break;

    case PROP_ASSESSED_ON:
      ems_assessment_set_assessed_on (self, g_value_get_string (value));
      break;

    case PROP_TARGET_LEVEL:
      ems_assessment_set_target_level (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_assessment_class_init (EmsAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ems_assessment_dispose;
  object_class->finalize = ems_assessment_finalize;
  object_class->get_property = ems_assessment_get_property;
  object_class->set_property = ems_assessment_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, EMS_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPLOYEES] =
    g_param_spec_int ("employees", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSOR] =
    g_param_spec_string ("assessor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSED_ON] =
    g_param_spec_string ("assessed-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_LEVEL] =
    g_param_spec_uint ("target-level", NULL, NULL, 0, EMS_LEVEL_MAX, 3,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmsAssessment::answer-changed:
   * @question_id: the question whose answer (level, N/A, note…) changed
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * EmsAssessment::changed:
   *
   * Anything at all changed: profile, answers or the action plan.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ems_assessment_init (EmsAssessment *self)
{
  self->employees = -1;
  self->target_level = 3;
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) ems_answer_free);
  self->actions = g_list_store_new (EMS_TYPE_ACTION);
  g_signal_connect_object (self->actions, "items-changed",
                           G_CALLBACK (on_actions_items_changed), self,
                           G_CONNECT_SWAPPED);
}

EmsAssessment *
ems_assessment_new (EmsChecklist *checklist)
{
  g_return_val_if_fail (checklist == NULL || EMS_IS_CHECKLIST (checklist), NULL);

  return g_object_new (EMS_TYPE_ASSESSMENT, "checklist", checklist, NULL);
}

EmsChecklist *
ems_assessment_get_checklist (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return self->checklist;
}

/* Profile */

static void
set_string_prop (EmsAssessment  *self,
                 char          **field,
                 const char     *value,
                 guint           prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  emit_changed (self);
}

#define STRING_ACCESSORS(field, PROP)                                   \
  const char *                                                          \
  ems_assessment_get_##field (EmsAssessment *self)                      \
  {                                                                     \
    g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);              \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  ems_assessment_set_##field (EmsAssessment *self,                      \
                              const char    *value)                     \
  {                                                                     \
    g_return_if_fail (EMS_IS_ASSESSMENT (self));                        \
    set_string_prop (self, &self->field, value, PROP);                  \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (site, PROP_SITE)
STRING_ACCESSORS (sector, PROP_SECTOR)
STRING_ACCESSORS (country, PROP_COUNTRY)
STRING_ACCESSORS (assessor, PROP_ASSESSOR)
STRING_ACCESSORS (assessed_on, PROP_ASSESSED_ON)

int
ems_assessment_get_employees (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), -1);
  return self->employees;
}

void
ems_assessment_set_employees (EmsAssessment *self,
                              int            employees)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));

  employees = MAX (employees, -1);
  if (self->employees == employees)
    return;

  self->employees = employees;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEES]);
  emit_changed (self);
}

guint
ems_assessment_get_target_level (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), 3);
  return self->target_level;
}

void
ems_assessment_set_target_level (EmsAssessment *self,
                                 guint          target_level)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (target_level <= EMS_LEVEL_MAX);

  if (self->target_level == target_level)
    return;

  self->target_level = target_level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_LEVEL]);
  emit_changed (self);
}

/* Answers */

const EmsAnswer *
ems_assessment_get_answer (EmsAssessment *self,
                           const char    *question_id)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, question_id);
}

/* Takes @answer; removes the entry when it holds nothing. */
static void
replace_answer (EmsAssessment *self,
                const char    *question_id,
                EmsAnswer     *answer)
{
  g_autoptr(EmsAnswer) owned = answer;
  const EmsAnswer *old = g_hash_table_lookup (self->answers, question_id);
  g_autofree char *detail_id = g_strdup (question_id);

  if (ems_answer_equal (old, owned))
    return;

  if (owned == NULL || ems_answer_is_empty (owned))
    g_hash_table_remove (self->answers, question_id);
  else
    g_hash_table_insert (self->answers, g_strdup (question_id), g_steal_pointer (&owned));

  g_signal_emit (self, signals[ANSWER_CHANGED],
                 g_quark_from_string (detail_id), detail_id);
  emit_changed (self);
}

static EmsAnswer *
copy_answer_or_new (EmsAssessment *self,
                    const char    *question_id)
{
  const EmsAnswer *old = g_hash_table_lookup (self->answers, question_id);

  return old != NULL ? ems_answer_copy (old) : ems_answer_new ();
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

void
ems_assessment_set_answer (EmsAssessment   *self,
                           const char      *question_id,
                           const EmsAnswer *answer)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);
  g_return_if_fail (answer == NULL || answer->state != EMS_ANSWER_LEVEL ||
                    answer->level <= EMS_LEVEL_MAX);

  replace_answer (self, question_id, answer != NULL ? ems_answer_copy (answer) : NULL);
}

void
ems_assessment_set_level (EmsAssessment *self,
                          const char    *question_id,
                          guint          level)
{
  EmsAnswer *answer;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);
  g_return_if_fail (level <= EMS_LEVEL_MAX);

  answer = copy_answer_or_new (self, question_id);
  answer->state = EMS_ANSWER_LEVEL;
  answer->level = level;
  replace_answer (self, question_id, answer);
}

/* The reason is kept when the level changes, so that switching back to
 * N/A does not lose what was typed. */
void
ems_assessment_set_not_applicable (EmsAssessment *self,
                                   const char    *question_id,
                                   const char    *reason)
{
  EmsAnswer *answer;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  answer = copy_answer_or_new (self, question_id);
  answer->state = EMS_ANSWER_NOT_APPLICABLE;
  answer->level = 0;
  if (reason != NULL)
    set_text (&answer->reason, reason);
  replace_answer (self, question_id, answer);
}

void
ems_assessment_clear_level (EmsAssessment *self,
                            const char    *question_id)
{
  EmsAnswer *answer;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  answer = copy_answer_or_new (self, question_id);
  answer->state = EMS_ANSWER_UNANSWERED;
  answer->level = 0;
  replace_answer (self, question_id, answer);
}

void
ems_assessment_set_note (EmsAssessment *self,
                         const char    *question_id,
                         const char    *note)
{
  EmsAnswer *answer;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  answer = copy_answer_or_new (self, question_id);
  set_text (&answer->note, note);
  replace_answer (self, question_id, answer);
}

void
ems_assessment_set_evidence (EmsAssessment *self,
                             const char    *question_id,
                             const char    *evidence)
{
  EmsAnswer *answer;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  answer = copy_answer_or_new (self, question_id);
  set_text (&answer->evidence, evidence);
  replace_answer (self, question_id, answer);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  EmsChecklist *checklist = user_data;
  const char *ida = *(const char **) a;
  const char *idb = *(const char **) b;
  const EmsQuestion *qa = ems_checklist_lookup_question (checklist, ida);
  const EmsQuestion *qb = ems_checklist_lookup_question (checklist, idb);

  if (qa != NULL && qb != NULL)
    return (int) qa->index - (int) qb->index;
  if (qa != NULL)
    return -1;
  if (qb != NULL)
    return 1;

  return strcmp (ida, idb);
}

static char **
dup_ids (EmsAssessment *self,
         gboolean       unknown_only)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      if (unknown_only && ems_checklist_lookup_question (self->checklist, id) != NULL)
        continue;
      g_ptr_array_add (ids, g_strdup (id));
    }

  g_ptr_array_sort_with_data (ids, compare_ids, self->checklist);
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

char **
ems_assessment_dup_answer_ids (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return dup_ids (self, FALSE);
}

char **
ems_assessment_dup_unknown_ids (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return dup_ids (self, TRUE);
}

/* Actions */

GListModel *
ems_assessment_get_actions (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return G_LIST_MODEL (self->actions);
}

void
ems_assessment_add_action (EmsAssessment *self,
                           EmsAction     *action)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (EMS_IS_ACTION (action));

  g_list_store_append (self->actions, action);
}

void
ems_assessment_insert_action (EmsAssessment *self,
                              guint          position,
                              EmsAction     *action)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (EMS_IS_ACTION (action));

  g_list_store_insert (self->actions,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->actions))),
                       action);
}

void
ems_assessment_remove_action (EmsAssessment *self,
                              guint          position)
{
  g_autoptr(EmsAction) action = NULL;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->actions)));

  action = g_list_model_get_item (G_LIST_MODEL (self->actions), position);
  g_signal_handlers_disconnect_by_func (action, on_action_notify, self);
  g_list_store_remove (self->actions, position);
}

/* Reading
 *
 * Token by token with EmsJsonReader, so that every problem carries its
 * line and column, and a problem in one member never stops the others from
 * being checked: --validate reports them all at once.
 */

typedef struct
{
  EmsAssessment *self;
  EmsJsonReader *json;
  GPtrArray     *problems;   /* EmsProblem* */
  guint          n_errors;
  GString       *path;       /* the answer or action being read */
} Reader;

/* The problem's place is @prefix/@member (either may be NULL): built
 * only when there is a problem to report. */
G_GNUC_PRINTF (5, 6)
static void
report (Reader     *reader,
        gboolean    warning,
        const char *prefix,
        const char *member,
        const char *format,
        ...)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  if (prefix != NULL && member != NULL)
    problem->path = g_strconcat (prefix, "/", member, NULL);
  else
    problem->path = g_strdup (prefix != NULL ? prefix : member);
  problem->warning = warning;
  if (reader->json != NULL)
    {
      problem->line = ems_json_reader_get_line (reader->json);
      problem->column = ems_json_reader_get_column (reader->json);
    }

  if (!warning)
    reader->n_errors++;

  g_ptr_array_add (reader->problems, problem);
}

static const char *
token_type_name (EmsJsonToken token)
{
  switch (token)
    {
    case EMS_JSON_NULL:
      return "null";
    case EMS_JSON_BEGIN_OBJECT:
      return _("an object");
    case EMS_JSON_BEGIN_ARRAY:
      return _("a list");
    case EMS_JSON_STRING:
      return _("text");
    case EMS_JSON_BOOLEAN:
      return _("true or false");
    case EMS_JSON_INTEGER:
      return _("a whole number");
    case EMS_JSON_DOUBLE:
      return _("a decimal number");
    case EMS_JSON_ERROR:
    case EMS_JSON_END:
    case EMS_JSON_END_OBJECT:
    case EMS_JSON_END_ARRAY:
    default:
      return _("a value");
    }
}

/* Reports a value of the wrong type and skips it. Returns FALSE on a
 * syntax error. */
static gboolean
wrong_type (Reader       *reader,
            EmsJsonToken  token,
            const char   *path,
            const char   *member,
            const char   *expected)
{
  if (token == EMS_JSON_ERROR)
    return FALSE;

  /* Translators: what was expected, then the kind of JSON value found,
   * e.g. "must be text, not a list" */
  report (reader, FALSE, path, member, _("must be %s, not %s"), expected, token_type_name (token));

  return ems_json_reader_skip (reader->json, token);
}

/* A text value, or null. */
static gboolean
read_string (Reader       *reader,
             EmsJsonToken  token,
             const char   *path,
             const char   *member,
             char        **out)
{
  const char *value;

  if (token == EMS_JSON_NULL)
    return TRUE;

  if (token != EMS_JSON_STRING)
    return wrong_type (reader, token, path, member, _("text"));

  value = ems_json_reader_get_string (reader->json);
  g_free (*out);
  *out = *value != '\0' ? g_strdup (value) : NULL;

  return TRUE;
}

/* A whole number in [min, max], or null; *set tells whether one was read. */
static gboolean
read_int (Reader       *reader,
          EmsJsonToken  token,
          const char   *path,
          const char   *member,
          gint64        min,
          gint64        max,
          gint64       *out,
          gboolean     *set)
{
  gint64 value;

  *set = FALSE;

  if (token == EMS_JSON_NULL)
    return TRUE;

  if (token != EMS_JSON_INTEGER)
    {
      g_autofree char *expected = NULL;

      /* Translators: a range of whole numbers, e.g. "a whole number from 0 to 4" */
      /* (long long, not G_GINT64_FORMAT: xgettext cannot read that macro) */
      expected = g_strdup_printf (_("a whole number from %lld to %lld"),
                                  (long long) min, (long long) max);
      return wrong_type (reader, token, path, member, expected);
    }

  value = ems_json_reader_get_int (reader->json);
  if (value < min || value > max)
    {
      report (reader, FALSE, path, member,
              _("must be a whole number from %lld to %lld, not %lld"),
              (long long) min, (long long) max, (long long) value);
      return TRUE;
    }

  *out = value;
  *set = TRUE;

  return TRUE;
}

static gboolean
read_date (Reader       *reader,
           EmsJsonToken  token,
           const char   *path,
           const char   *member,
           char        **out)
{
  g_autofree char *value = NULL;
  GDate date;

  if (!read_string (reader, token, path, member, &value))
    return FALSE;

  if (value == NULL)
    return TRUE;

  if (!ems_date_parse_iso (value, &date))
    {
      /* Translators: %s is what the file holds instead of a date */
      report (reader, FALSE, path, member, _("must be a date written YYYY-MM-DD, not “%s”"), value);
      return TRUE;
    }

  g_free (*out);
  *out = g_steal_pointer (&value);

  return TRUE;
}

/* Expects an object; reports and skips anything else. Returns FALSE when
 * the value is not an object (or on a syntax error). */
static gboolean
expect_object (Reader       *reader,
               EmsJsonToken  token,
               const char   *path)
{
  if (token == EMS_JSON_BEGIN_OBJECT)
    return TRUE;
  if (token != EMS_JSON_NULL)
    wrong_type (reader, token, path, NULL, _("an object"));
  return FALSE;
}

static void
keep_extra (Reader       *reader,
            JsonObject  **extra,
            const char   *name,
            EmsJsonToken  token)
{
  g_autofree char *member = g_strdup (name);
  JsonNode *node = ems_json_reader_build_node (reader->json, token);

  if (node == NULL)
    return;

  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, member, node);
}

static void
skip_unknown (Reader       *reader,
              const char   *path,
              const char   *name,
              EmsJsonToken  token)
{
  /* Translators: a member of the file this version does not know */
  report (reader, TRUE, path, name, _("is not a member Ten Elements knows: it is not kept when the file is saved again"));
  ems_json_reader_skip (reader->json, token);
}

static void
read_framework (Reader *reader)
{
  EmsChecklist *checklist = reader->self->checklist;
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      EmsJsonToken token;

      if (g_str_equal (name, "id"))
        {
          g_autofree char *id = NULL;

          token = ems_json_reader_next (reader->json);
          if (read_string (reader, token, "framework", "id", &id) &&
              id != NULL && g_strcmp0 (id, ems_checklist_get_id (checklist)) != 0)
            /* Translators: two checklist identifiers */
            report (reader, FALSE, "framework", "id",
                    _("names the checklist “%s”, but this program knows “%s”"),
                    id, ems_checklist_get_id (checklist));
        }
      else if (g_str_equal (name, "version"))
        {
          gint64 version = 0;
          gboolean set;

          token = ems_json_reader_next (reader->json);
          if (read_int (reader, token, "framework", "version", 1, G_MAXINT, &version, &set) && set &&
              version > ems_checklist_get_version (checklist))
            report (reader, TRUE, "framework", "version",
                    _("is newer than this program's checklist (%lld > %u): answers to new questions are kept but not scored"),
                    (long long) version, ems_checklist_get_version (checklist));
        }
      else
        skip_unknown (reader, "framework", name, ems_json_reader_next (reader->json));
    }
}

static void
read_organisation (Reader *reader)
{
  EmsAssessment *self = reader->self;
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (g_str_equal (name, "name"))
        read_string (reader, token, "organisation", "name", &self->name);
      else if (g_str_equal (name, "site"))
        read_string (reader, token, "organisation", "site", &self->site);
      else if (g_str_equal (name, "sector"))
        read_string (reader, token, "organisation", "sector", &self->sector);
      else if (g_str_equal (name, "employees"))
        {
          gint64 value;
          gboolean set;

          if (read_int (reader, token, "organisation", "employees", 0, G_MAXINT, &value, &set) && set)
            self->employees = (int) value;
        }
      else if (g_str_equal (name, "country"))
        {
          if (read_string (reader, token, "organisation", "country", &self->country) &&
              self->country != NULL &&
              !(strlen (self->country) == 2 &&
                g_ascii_isupper (self->country[0]) && g_ascii_isupper (self->country[1])))
            {
              report (reader, FALSE, "organisation", "country",
                      _("must be a two-letter ISO 3166-1 country code such as CA, MX or US, not “%s”"),
                      self->country);
              g_clear_pointer (&self->country, g_free);
            }
        }
      else
        keep_extra (reader, &self->extra_organisation, name, token);
    }
}

static void
read_answer (Reader     *reader,
             const char *id)
{
  EmsAssessment *self = reader->self;
  const char *path = reader->path->str;   /* "answers/<id>" */
  g_autoptr(EmsAnswer) answer = ems_answer_new ();
  gboolean has_level = FALSE, not_applicable = FALSE;
  guint line, column;
  gint64 level = 0;
  const char *name;

  line = ems_json_reader_get_line (reader->json);
  column = ems_json_reader_get_column (reader->json);

  while (ems_json_reader_next_member (reader->json, &name))
    {
      EmsJsonToken token;

      /* Decide on the name before the value is read: reading a nested
       * object would reuse the name's buffer. */
      if (g_str_equal (name, "level"))
        read_int (reader, ems_json_reader_next (reader->json), path, "level",
                  0, EMS_LEVEL_MAX, &level, &has_level);
      else if (g_str_equal (name, "not_applicable"))
        {
          token = ems_json_reader_next (reader->json);
          if (token == EMS_JSON_BOOLEAN)
            not_applicable = ems_json_reader_get_boolean (reader->json);
          else if (token != EMS_JSON_NULL)
            wrong_type (reader, token, path, "not_applicable", _("true or false"));
        }
      else if (g_str_equal (name, "note"))
        read_string (reader, ems_json_reader_next (reader->json), path, "note", &answer->note);
      else if (g_str_equal (name, "evidence"))
        read_string (reader, ems_json_reader_next (reader->json), path, "evidence", &answer->evidence);
      else if (g_str_equal (name, "reason"))
        read_string (reader, ems_json_reader_next (reader->json), path, "reason", &answer->reason);
      else
        {
          g_autofree char *member = g_strdup (name);

          skip_unknown (reader, path, member, ems_json_reader_next (reader->json));
        }
    }

  if (ems_json_reader_get_error (reader->json) != NULL)
    return;

  if (not_applicable)
    {
      EmsProblem *problem = NULL;

      if (has_level)
        report (reader, FALSE, path, NULL, _("is marked not applicable and also has a level"));
      else if (answer->reason == NULL)
        report (reader, TRUE, path, NULL, _("is marked not applicable without a reason"));
      else
        goto located;

      problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
      problem->line = line;
      problem->column = column;
    located:
      answer->state = EMS_ANSWER_NOT_APPLICABLE;
    }
  else if (has_level)
    {
      answer->state = EMS_ANSWER_LEVEL;
      answer->level = (guint) level;
    }

  if (ems_checklist_lookup_question (self->checklist, id) == NULL)
    {
      EmsProblem *problem;

      /* Translators: %s is a checklist identifier such as cec-10-elements */
      report (reader, TRUE, path, NULL,
              _("is not a question of the checklist “%s”: it is kept but not scored"),
              ems_checklist_get_id (self->checklist));
      problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
      problem->line = line;
      problem->column = column;
    }

  if (!ems_answer_is_empty (answer))
    g_hash_table_insert (self->answers, g_strdup (id), g_steal_pointer (&answer));
}

static void
read_answers (Reader *reader)
{
  const char *name;

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *id = g_strdup (name);
      EmsJsonToken token;

      g_string_assign (reader->path, "answers/");
      g_string_append (reader->path, id);
      token = ems_json_reader_next (reader->json);

      /* Never keep one answer and silently drop the other. (An entry
       * with nothing in it is not kept, so a repeat of it loses nothing.) */
      if (g_hash_table_contains (reader->self->answers, id))
        {
          report (reader, FALSE, reader->path->str, NULL, _("appears more than once"));
          ems_json_reader_skip (reader->json, token);
          continue;
        }

      if (expect_object (reader, token, reader->path->str))
        read_answer (reader, id);
    }
}

static void
read_action (Reader *reader,
             guint   index)
{
  EmsChecklist *checklist = reader->self->checklist;
  const char *path = reader->path->str;   /* "actions/<n>" */
  g_autofree char *title = NULL, *question = NULL, *owner = NULL, *due = NULL;
  g_autoptr(EmsAction) action = NULL;
  EmsActionStatus status = EMS_ACTION_OPEN;
  gint64 element = 0;
  guint line, column;
  const char *name;

  line = ems_json_reader_get_line (reader->json);
  column = ems_json_reader_get_column (reader->json);

  while (ems_json_reader_next_member (reader->json, &name))
    {
      g_autofree char *member = g_strdup (name);
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (g_str_equal (member, "title"))
        read_string (reader, token, path, member, &title);
      else if (g_str_equal (member, "element"))
        {
          gboolean set;

          read_int (reader, token, path, member, 1, ems_checklist_get_n_elements (checklist), &element, &set);
        }
      else if (g_str_equal (member, "question"))
        read_string (reader, token, path, member, &question);
      else if (g_str_equal (member, "owner"))
        read_string (reader, token, path, member, &owner);
      else if (g_str_equal (member, "due"))
        read_date (reader, token, path, member, &due);
      else if (g_str_equal (member, "status"))
        {
          g_autofree char *value = NULL;

          if (read_string (reader, token, path, member, &value) &&
              value != NULL && !ems_action_status_from_string (value, &status))
            /* Translators: do not translate open, in-progress, done */
            report (reader, FALSE, path, member, _("must be open, in-progress or done, not “%s”"), value);
        }
      else
        skip_unknown (reader, path, member, token);
    }

  if (title == NULL)
    {
      EmsProblem *problem;

      report (reader, TRUE, path, NULL, _("has no title"));
      problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
      problem->line = line;
      problem->column = column;
    }

  action = g_object_new (EMS_TYPE_ACTION,
                         "title", title,
                         "element", (guint) element,
                         "question", question,
                         "owner", owner,
                         "due", due,
                         "status", status,
                         NULL);
  g_list_store_append (reader->self->actions, action);
}

static void
read_actions (Reader *reader)
{
  for (guint i = 0;; i++)
    {
      EmsJsonToken token = ems_json_reader_next (reader->json);

      if (token == EMS_JSON_END_ARRAY || token == EMS_JSON_ERROR)
        return;

      g_string_printf (reader->path, "actions/%u", i + 1);
      if (expect_object (reader, token, reader->path->str))
        read_action (reader, i);
    }
}

static void
locate_offset (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

/* Forgets every problem found so far and records only this one: used for
 * the problems that make the rest meaningless (not JSON, another format,
 * a newer version). */
static void
fail_with (GError     **error,
           Reader      *reader,
           int          code,
           guint        line,
           guint        column,
           const char  *message)
{
  EmsProblem *problem = g_new0 (EmsProblem, 1);

  g_ptr_array_set_size (reader->problems, 0);
  problem->message = g_strdup (message);
  problem->line = line;
  problem->column = column;
  g_ptr_array_add (reader->problems, problem);
  reader->n_errors = 1;

  if (line > 0)
    /* Translators: line, column, then the problem */
    g_set_error (error, EMS_ERROR, code, _("Line %u, column %u: %s"), line, column, message);
  else
    g_set_error_literal (error, EMS_ERROR, code, message);
}

static void
set_error_from_problems (GError **error,
                         Reader  *reader)
{
  EmsProblem *first = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < reader->problems->len; i++)
    {
      EmsProblem *problem = g_ptr_array_index (reader->problems, i);

      if (!problem->warning)
        {
          first = problem;
          break;
        }
    }
  g_assert (first != NULL);

  if (first->line > 0)
    g_string_append_printf (message, _("Line %u, column %u: "), first->line, first->column);

  if (first->path != NULL)
    /* Translators: the first %s names where in the file (e.g.
     * "answers/1.2/level"), the second says what is wrong */
    g_string_append_printf (message, _("“%s” %s"), first->path, first->message);
  else
    g_string_append (message, first->message);

  if (reader->n_errors > 1)
    {
      g_string_append (message, " ");
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "(and %u more problem)",
                                           "(and %u more problems)",
                                           reader->n_errors - 1),
                              reader->n_errors - 1);
    }

  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID, message->str);
}

/**
 * ems_assessment_load_from_data:
 * @problems: (out) (optional) (transfer full): every problem found,
 *   EmsProblem*, warnings included
 *
 * Reads an .emsa document. Returns %NULL and sets @error when the
 * document is not a valid assessment; answers for question ids the
 * checklist does not know are kept and reported as warnings.
 */
EmsAssessment *
ems_assessment_load_from_data (EmsChecklist  *checklist,
                               const char    *data,
                               gsize          length,
                               GPtrArray    **problems,
                               GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_problem_free);
  g_autoptr(GString) path = g_string_sized_new (64);
  g_autoptr(EmsAssessment) self = NULL;
  g_autoptr(EmsJsonReader) json = NULL;
  g_autofree char *format = NULL;
  Reader reader = { NULL, NULL, found, 0, path };
  gboolean has_format = FALSE, has_version = FALSE;
  gint64 version = 0;
  guint version_line = 0, version_column = 0;
  const char *name;
  EmsJsonToken token;

  g_return_val_if_fail (checklist == NULL || EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (problems != NULL)
    *problems = NULL;

  self = ems_assessment_new (checklist);
  reader.self = self;

  if (length > EMS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (EMS_MAX_FILE_SIZE);
      g_autofree char *message = NULL;

      /* Translators: two sizes, e.g. "50.0 MB" and "16.8 MB" */
      message = g_strdup_printf (_("The file is too large to be an assessment (%s; the limit is %s)"), size, max);
      fail_with (error, &reader, EMS_ERROR_TOO_LARGE, 0, 0, message);
      goto out;
    }

  if (length == 0)
    {
      fail_with (error, &reader, EMS_ERROR_NOT_JSON, 0, 0, _("The file is empty"));
      goto out;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      guint line, column;

      locate_offset (data, (const char *) memchr (data, '\0', length) - data, &line, &column);
      fail_with (error, &reader, EMS_ERROR_NOT_JSON, line, column,
                 _("The file holds binary data, not an assessment"));
      goto out;
    }

  json = ems_json_reader_new (data, length);
  reader.json = json;

  token = ems_json_reader_next (json);
  if (token != EMS_JSON_BEGIN_OBJECT)
    {
      if (token != EMS_JSON_ERROR)
        {
          fail_with (error, &reader, EMS_ERROR_INVALID, 0, 0,
                     _("The file is JSON, but not an assessment: it does not hold an object"));
          goto out;
        }
    }
  else
    {
      while (ems_json_reader_next_member (json, &name))
        {
          g_autofree char *member = g_strdup (name);

          token = ems_json_reader_next (json);

          if (g_str_equal (member, "format"))
            {
              has_format = TRUE;
              if (token == EMS_JSON_STRING)
                format = g_strdup (ems_json_reader_get_string (json));
              else
                ems_json_reader_skip (json, token);
            }
          else if (g_str_equal (member, "format_version"))
            {
              has_version = token == EMS_JSON_INTEGER;
              version = ems_json_reader_get_int (json);
              version_line = ems_json_reader_get_line (json);
              version_column = ems_json_reader_get_column (json);
              ems_json_reader_skip (json, token);
            }
          else if (g_str_equal (member, "framework"))
            {
              if (expect_object (&reader, token, "framework"))
                read_framework (&reader);
            }
          else if (g_str_equal (member, "organisation"))
            {
              if (expect_object (&reader, token, "organisation"))
                read_organisation (&reader);
            }
          else if (g_str_equal (member, "assessor"))
            read_string (&reader, token, NULL, "assessor", &self->assessor);
          else if (g_str_equal (member, "assessed_on"))
            read_date (&reader, token, NULL, "assessed_on", &self->assessed_on);
          else if (g_str_equal (member, "target_level"))
            {
              gint64 value;
              gboolean set;

              if (read_int (&reader, token, NULL, "target_level", 0, EMS_LEVEL_MAX, &value, &set) && set)
                self->target_level = (guint) value;
            }
          else if (g_str_equal (member, "answers"))
            {
              if (expect_object (&reader, token, "answers"))
                read_answers (&reader);
            }
          else if (g_str_equal (member, "actions"))
            {
              if (token == EMS_JSON_BEGIN_ARRAY)
                read_actions (&reader);
              else if (token != EMS_JSON_NULL)
                wrong_type (&reader, token, NULL, "actions", _("a list"));
            }
          else
            keep_extra (&reader, &self->extra, member, token);
        }

      if (ems_json_reader_get_error (json) == NULL)
        ems_json_reader_next (json);   /* only the end may follow */
    }

  if (ems_json_reader_get_error (json) != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s describes what is wrong in the JSON text */
      message = g_strdup_printf (_("not a valid JSON document: %s"), ems_json_reader_get_error (json));
      fail_with (error, &reader, EMS_ERROR_NOT_JSON,
                 ems_json_reader_get_line (json), ems_json_reader_get_column (json), message);
      goto out;
    }

  /* The format and its version decide whether the rest means anything: a
   * newer version is refused whole, never half-read. */
  if (!has_format || g_strcmp0 (format, EMS_FORMAT_NAME) != 0)
    {
      /* Translators: %s is the format name, ten-elements-assessment */
      g_autofree char *message = g_strdup_printf (_("The file is not a Ten Elements assessment (its “format” is not “%s”)"),
                                                  EMS_FORMAT_NAME);

      fail_with (error, &reader, EMS_ERROR_INVALID, 0, 0, message);
      goto out;
    }

  if (!has_version || version < 1)
    {
      fail_with (error, &reader, EMS_ERROR_INVALID, version_line, version_column,
                 _("The file has no valid “format_version”"));
      goto out;
    }

  if (version > EMS_FORMAT_VERSION)
    {
      g_autofree char *message = NULL;

      /* Translators: two version numbers */
      message = g_strdup_printf (_("The file was written by a newer version of Ten Elements (format version %lld; this version reads up to %d). Update Ten Elements to open it."),
                                 (long long) version, EMS_FORMAT_VERSION);
      fail_with (error, &reader, EMS_ERROR_NEWER_VERSION, 0, 0, message);
      goto out;
    }

  if (reader.n_errors > 0)
    set_error_from_problems (error, &reader);

out:
  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  if (reader.n_errors > 0)
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
check_size (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("It is a folder, not an assessment file"));
      return FALSE;
    }

  if (g_file_info_get_size (info) > EMS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (EMS_MAX_FILE_SIZE);

      g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                   _("The file is too large to be an assessment (%s; the limit is %s)"), size, max);
      return FALSE;
    }

  return TRUE;
}

EmsAssessment *
ems_assessment_load_from_file (EmsChecklist  *checklist,
                               GFile         *file,
                               GPtrArray    **problems,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (!check_size (file, cancellable, error) ||
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return ems_assessment_load_from_data (checklist, contents, length, problems, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EmsChecklist *checklist = task_data;
  GFile *file = source_object;
  g_autoptr(GError) error = NULL;
  EmsAssessment *assessment;

  assessment = ems_assessment_load_from_file (checklist, file, NULL, cancellable, &error);
  if (assessment == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, assessment, g_object_unref);
}

void
ems_assessment_load_file_async (EmsChecklist        *checklist,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (checklist == NULL || EMS_IS_CHECKLIST (checklist));
  g_return_if_fail (G_IS_FILE (file));

  if (checklist == NULL)
    checklist = ems_checklist_get_default ();

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_assessment_load_file_async);
  g_task_set_task_data (task, g_object_ref (checklist), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

EmsAssessment *
ems_assessment_load_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_extra (JsonBuilder *builder,
           JsonObject  *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &name, &node))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, json_node_copy (node));
    }
}

GBytes *
ems_assessment_serialize (EmsAssessment *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) ids = NULL;
  GListModel *actions;
  char *data;
  gsize length;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);

  json_builder_begin_object (builder);

  add_string (builder, "format", EMS_FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, EMS_FORMAT_VERSION);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  add_string (builder, "id", ems_checklist_get_id (self->checklist));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ems_checklist_get_version (self->checklist));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "organisation");
  json_builder_begin_object (builder);
  add_string (builder, "name", self->name != NULL ? self->name : "");
  add_string (builder, "site", self->site);
  add_string (builder, "sector", self->sector);
  if (self->employees >= 0)
    {
      json_builder_set_member_name (builder, "employees");
      json_builder_add_int_value (builder, self->employees);
    }
  add_string (builder, "country", self->country);
  add_extra (builder, self->extra_organisation);
  json_builder_end_object (builder);

  add_string (builder, "assessor", self->assessor);
  add_string (builder, "assessed_on", self->assessed_on);
  json_builder_set_member_name (builder, "target_level");
  json_builder_add_int_value (builder, self->target_level);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  ids = dup_ids (self, FALSE);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const EmsAnswer *answer = g_hash_table_lookup (self->answers, ids[i]);

      json_builder_set_member_name (builder, ids[i]);
      json_builder_begin_object (builder);
      if (answer->state == EMS_ANSWER_LEVEL)
        {
          json_builder_set_member_name (builder, "level");
          json_builder_add_int_value (builder, answer->level);
        }
      else if (answer->state == EMS_ANSWER_NOT_APPLICABLE)
        {
          json_builder_set_member_name (builder, "not_applicable");
          json_builder_add_boolean_value (builder, TRUE);
        }
      add_string (builder, "reason", answer->reason);
      add_string (builder, "note", answer->note);
      add_string (builder, "evidence", answer->evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  actions = G_LIST_MODEL (self->actions);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(EmsAction) action = g_list_model_get_item (actions, i);

      json_builder_begin_object (builder);
      add_string (builder, "title", ems_action_get_title (action) ? ems_action_get_title (action) : "");
      if (ems_action_get_element (action) > 0)
        {
          json_builder_set_member_name (builder, "element");
          json_builder_add_int_value (builder, ems_action_get_element (action));
        }
      add_string (builder, "question", ems_action_get_question (action));
      add_string (builder, "owner", ems_action_get_owner (action));
      add_string (builder, "due", ems_action_get_due (action));
      add_string (builder, "status", ems_action_status_to_string (ems_action_get_status (action)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_extra (builder, self->extra);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  /* A text file ends with a newline. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}

gboolean
ems_write_file_atomically (GFile         *file,
                           GBytes        *bytes,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *path = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  path = g_file_get_path (file);

  if (path != NULL)
    /* Temporary file beside the target, fsync, rename: the old file stays
     * whole until the new one is. */
    return g_file_set_contents_full (path, data, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0666, error);

  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, cancellable, error);
}

gboolean
ems_assessment_save_to_file (EmsAssessment  *self,
                             GFile          *file,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ems_assessment_serialize (self);

  return ems_write_file_atomically (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *bytes = task_data;
  g_autoptr(GError) error = NULL;

  if (ems_write_file_atomically (file, bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
ems_assessment_save_async (EmsAssessment       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ems_assessment_save_async);
  /* The snapshot is taken now, on the caller's thread. */
  g_task_set_task_data (task, ems_assessment_serialize (self), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ems_assessment_save_finish (EmsAssessment  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
