/* ems-assessment.c: the assessment document (the model)
 *
 * Only GLib and GObject. The .emsa format is in ems-emsa-reader.c and
 * ems-emsa-writer.c; files, threads and the GListModel of actions are in
 * ems-assessment-io.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-assessment"

#include "config.h"

#include <string.h>

#include "ems-assessment-private.h"

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

void
ems_extra_member_free (EmsExtraMember *member)
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
  ems_assessment_clear_indicators (self);

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

  ems_assessment_class_init_indicators (klass);
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

char **
ems_assessment_dup_ids (EmsAssessment *self,
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
  return ems_assessment_dup_ids (self, FALSE);
}

char **
ems_assessment_dup_unknown_ids (EmsAssessment *self)
{
  g_return_val_if_fail (EMS_IS_ASSESSMENT (self), NULL);
  return ems_assessment_dup_ids (self, TRUE);
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
ems_assessment_add_actions (EmsAssessment *self,
                            GPtrArray     *actions)
{
  guint position;

  g_return_if_fail (EMS_IS_ASSESSMENT (self));
  g_return_if_fail (actions != NULL);

  if (actions->len == 0)
    return;

  position = self->actions->len;
  for (guint i = 0; i < actions->len; i++)
    {
      EmsAction *action = g_ptr_array_index (actions, i);

      g_return_if_fail (EMS_IS_ACTION (action));
      g_ptr_array_add (self->actions, g_object_ref (action));
    }
  actions_changed (self, position, 0, actions->len);
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
