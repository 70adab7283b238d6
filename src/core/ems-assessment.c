/* ems-assessment.c: the assessment document and the .emsa format
 *
 * Only GLib and GObject: the command line links this without GIO. Files,
 * threads and the GListModel of actions are in ems-assessment-io.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ems-assessment.h"
#include "ems-error.h"
#include "ems-json-reader.h"
#include "ems-json-writer.h"

/* A member of the file this version does not know, kept to be written
 * back: its name and its value's JSON text, as read */
typedef struct
{
  char *name;
  char *json;
} EmsExtraMember;

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
  GPtrArray     *actions;       /* EmsAction */

  /* Members this version does not use, written back unchanged:
   * EmsExtraMember, in the order read */
  GPtrArray     *extra;
  GPtrArray     *extra_organisation;
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
  ACTIONS_CHANGED,
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

/* The action plan changed: @removed actions at @position gave way to
 * @added ones */
static void
actions_changed (EmsAssessment *self,
                 guint          position,
                 guint          removed,
                 guint          added)
{
  for (guint i = position; i < position + added; i++)
    g_signal_connect_object (g_ptr_array_index (self->actions, i), "notify",
                             G_CALLBACK (on_action_notify), self,
                             G_CONNECT_SWAPPED);

  g_signal_emit (self, signals[ACTIONS_CHANGED], 0, position, removed, added);
  emit_changed (self);
}

static void
ems_assessment_dispose (GObject *object)
{
  EmsAssessment *self = (EmsAssessment *)object;

  if (self->actions != NULL)
    for (guint i = 0; i < self->actions->len; i++)
      g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->actions, i),
                                            on_action_notify, self);
  g_clear_pointer (&self->actions, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_assessment_parent_class)->dispose (object);
}

static void
extra_member_free (EmsExtraMember *member)
{
  g_free (member->name);
  g_free (member->json);
  g_free (member);
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
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  g_clear_pointer (&self->extra_organisation, g_ptr_array_unref);

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
   * EmsAssessment::actions-changed:
   * @position: where the change is
   * @removed: how many actions were removed there
   * @added: how many were added there
   *
   * The action plan changed, as GListModel::items-changed says it
   * (ems_assessment_get_actions() forwards it).
   */
  signals[ACTIONS_CHANGED] =
    g_signal_new ("actions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

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
  self->actions = g_ptr_array_new_with_free_func (g_object_unref);
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

guint
ems_assessment_get_n_actions (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), 0);
  return self->actions->len;
}

EmsAction *
ems_assessment_get_action (EmsAssessment *self,
                           guint          position)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (position < self->actions->len, NULL);
  return g_ptr_array_index (self->actions, position);
}

void
ems_assessment_add_action (EmsAssessment *self,
                           EmsAction     *action)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (EMS_IS_ACTION (action));

  ems_assessment_insert_action (self, self->actions->len, action);
}

void
ems_assessment_insert_action (EmsAssessment *self,
                              guint          position,
                              EmsAction     *action)
{
  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (EMS_IS_ACTION (action));

  position = MIN (position, self->actions->len);
  g_ptr_array_insert (self->actions, position, g_object_ref (action));
  actions_changed (self, position, 0, 1);
}

void
ems_assessment_remove_action (EmsAssessment *self,
                              guint          position)
{
  EmsAction *action;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (position < self->actions->len);

  action = g_ptr_array_index (self->actions, position);
  g_signal_handlers_disconnect_by_func (action, on_action_notify, self);
  g_ptr_array_remove_index (self->actions, position);
  actions_changed (self, position, 1, 0);
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
keep_extra (Reader        *reader,
            GPtrArray    **extra,
            const char    *name,
            EmsJsonToken   token)
{
  g_autofree char *member = g_strdup (name);
  g_autofree char *json = ems_json_reader_dup_raw (reader->json, token);
  EmsExtraMember *kept;

  if (json == NULL)
    return;

  if (*extra == NULL)
    *extra = g_ptr_array_new_with_free_func ((GDestroyNotify) extra_member_free);

  /* A repeated member: the last one stands, where the first stood */
  for (guint i = 0; i < (*extra)->len; i++)
    {
      kept = g_ptr_array_index (*extra, i);
      if (g_str_equal (kept->name, member))
        {
          g_free (kept->json);
          kept->json = g_steal_pointer (&json);
          return;
        }
    }

  kept = g_new0 (EmsExtraMember, 1);
  kept->name = g_steal_pointer (&member);
  kept->json = g_steal_pointer (&json);
  g_ptr_array_add (*extra, kept);
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
  ems_assessment_add_action (reader->self, action);
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
                {
                  /* a second "format" replaces the first */
                  g_free (format);
                  format = g_strdup (ems_json_reader_get_string (json));
                }
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

/* Writing
 *
 * By hand with EmsJsonPretty, in the layout json-glib's generator gave
 * (two spaces, "name" : value), so files read the same as before.
 */

static void
write_string (EmsJsonPretty *w,
              const char    *member,
              const char    *value)
{
  if (value != NULL)
    ems_json_pretty_string (w, member, value);
}

static void
write_extra (EmsJsonPretty *w,
             GPtrArray     *extra)
{
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      EmsExtraMember *member = g_ptr_array_index (extra, i);

      ems_json_pretty_raw (w, member->name, member->json);
    }
}

/**
 * ems_assessment_serialize:
 * @self: an assessment
 *
 * Returns: (transfer full): the .emsa text, as saving writes it
 */
GBytes *
ems_assessment_serialize (EmsAssessment *self)
{
  g_autoptr(GString) out = g_string_sized_new (16 * 1024);
  g_auto(GStrv) ids = NULL;
  EmsJsonPretty w;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);

  ems_json_pretty_init (&w, out);
  ems_json_pretty_begin (&w, NULL, '{');

  ems_json_pretty_string (&w, "format", EMS_FORMAT_NAME);
  ems_json_pretty_int (&w, "format_version", EMS_FORMAT_VERSION);

  ems_json_pretty_begin (&w, "framework", '{');
  ems_json_pretty_string (&w, "id", ems_checklist_get_id (self->checklist));
  ems_json_pretty_int (&w, "version", ems_checklist_get_version (self->checklist));
  ems_json_pretty_end (&w, '}');

  ems_json_pretty_begin (&w, "organisation", '{');
  ems_json_pretty_string (&w, "name", self->name != NULL ? self->name : "");
  write_string (&w, "site", self->site);
  write_string (&w, "sector", self->sector);
  if (self->employees >= 0)
    ems_json_pretty_int (&w, "employees", self->employees);
  write_string (&w, "country", self->country);
  write_extra (&w, self->extra_organisation);
  ems_json_pretty_end (&w, '}');

  write_string (&w, "assessor", self->assessor);
  write_string (&w, "assessed_on", self->assessed_on);
  ems_json_pretty_int (&w, "target_level", self->target_level);

  ems_json_pretty_begin (&w, "answers", '{');
  ids = dup_ids (self, FALSE);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const EmsAnswer *answer = g_hash_table_lookup (self->answers, ids[i]);

      ems_json_pretty_begin (&w, ids[i], '{');
      if (answer->state == EMS_ANSWER_LEVEL)
        ems_json_pretty_int (&w, "level", answer->level);
      else if (answer->state == EMS_ANSWER_NOT_APPLICABLE)
        ems_json_pretty_bool (&w, "not_applicable", TRUE);
      write_string (&w, "reason", answer->reason);
      write_string (&w, "note", answer->note);
      write_string (&w, "evidence", answer->evidence);
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, '}');

  ems_json_pretty_begin (&w, "actions", '[');
  for (guint i = 0; i < self->actions->len; i++)
    {
      EmsAction *action = g_ptr_array_index (self->actions, i);

      ems_json_pretty_begin (&w, NULL, '{');
      ems_json_pretty_string (&w, "title", ems_action_get_title (action) ? ems_action_get_title (action) : "");
      if (ems_action_get_element (action) > 0)
        ems_json_pretty_int (&w, "element", ems_action_get_element (action));
      write_string (&w, "question", ems_action_get_question (action));
      write_string (&w, "owner", ems_action_get_owner (action));
      write_string (&w, "due", ems_action_get_due (action));
      write_string (&w, "status", ems_action_status_to_string (ems_action_get_status (action)));
      ems_json_pretty_end (&w, '}');
    }
  ems_json_pretty_end (&w, ']');

  write_extra (&w, self->extra);

  ems_json_pretty_end (&w, '}');

  /* A text file ends with a newline. */
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
