/* ems-import-changes.c: what importing a workbook's assessment into an
 * open one changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-import"

#include "config.h"

#include "ems-import-changes.h"

/* The profile fields, in the order the profile page shows them */
static const char * const profile_properties[] = {
  "name", "site", "sector", "employees", "country", "assessor",
  "assessed-on", "target-level",
};

static void
change_free (gpointer data)
{
  EmsImportChange *change = data;

  g_free (change->key);
  g_clear_pointer (&change->old_answer, ems_answer_free);
  g_clear_pointer (&change->new_answer, ems_answer_free);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_free (change);
}

void
ems_import_changes_free (EmsImportChanges *changes)
{
  if (changes == NULL)
    return;
  g_ptr_array_unref (changes->changes);
  g_free (changes);
}

gboolean
ems_import_changes_is_empty (EmsImportChanges *changes)
{
  g_return_val_if_fail (changes != NULL, TRUE);
  return changes->changes->len == 0;
}

/* TRUE when @value says nothing: empty text, or what a new assessment has */
static gboolean
value_is_blank (const GValue *value,
                const GValue *fresh)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      return text == NULL || *text == '\0';
    }
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value) == g_value_get_int (fresh);
  if (G_VALUE_HOLDS_UINT (value))
    return g_value_get_uint (value) == g_value_get_uint (fresh);
  return FALSE;
}

static void
add_profile_changes (EmsImportChanges *changes,
                     EmsAssessment    *current,
                     EmsAssessment    *imported)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (current);
  g_autoptr(EmsAssessment) fresh = ems_assessment_new (ems_assessment_get_checklist (current));

  for (guint i = 0; i < G_N_ELEMENTS (profile_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, profile_properties[i]);
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      g_auto(GValue) fresh_value = G_VALUE_INIT;
      EmsImportChange *change;

      if (pspec == NULL)
        continue;
      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_value_init (&fresh_value, pspec->value_type);
      g_object_get_property (G_OBJECT (current), pspec->name, &old_value);
      g_object_get_property (G_OBJECT (imported), pspec->name, &new_value);
      g_object_get_property (G_OBJECT (fresh), pspec->name, &fresh_value);

      if (value_is_blank (&new_value, &fresh_value) ||
          g_param_values_cmp (pspec, &old_value, &new_value) == 0)
        continue;

      change = g_new0 (EmsImportChange, 1);
      change->kind = EMS_CHANGE_PROFILE;
      change->key = g_strdup (pspec->name);
      g_value_init (&change->old_value, pspec->value_type);
      g_value_copy (&old_value, &change->old_value);
      g_value_init (&change->new_value, pspec->value_type);
      g_value_copy (&new_value, &change->new_value);
      g_ptr_array_add (changes->changes, change);
      changes->n_profile++;
    }
}

static gboolean
text_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
replace_text (char       **slot,
              const char  *text)
{
  g_free (*slot);
  *slot = g_strdup (text);
}

/* @old with what @given fills in */
static EmsAnswer *
merge_answer (const EmsAnswer *old,
              const EmsAnswer *given)
{
  EmsAnswer *merged = old != NULL ? ems_answer_copy (old) : ems_answer_new ();

  if (given->state != EMS_ANSWER_UNANSWERED)
    {
      merged->state = given->state;
      merged->level = given->state == EMS_ANSWER_LEVEL ? given->level : 0;
    }
  if (text_set (given->note))
    replace_text (&merged->note, given->note);
  if (text_set (given->evidence))
    replace_text (&merged->evidence, given->evidence);
  if (text_set (given->reason))
    replace_text (&merged->reason, given->reason);
  return merged;
}

static EmsChangeFields
changed_fields (const EmsAnswer *a,
                const EmsAnswer *b)
{
  EmsChangeFields fields = 0;

  if (a->state != b->state ||
      (a->state == EMS_ANSWER_LEVEL && a->level != b->level))
    fields |= EMS_CHANGE_FIELD_LEVEL;
  if (g_strcmp0 (a->note, b->note) != 0)
    fields |= EMS_CHANGE_FIELD_NOTE;
  if (g_strcmp0 (a->evidence, b->evidence) != 0)
    fields |= EMS_CHANGE_FIELD_EVIDENCE;
  if (g_strcmp0 (a->reason, b->reason) != 0)
    fields |= EMS_CHANGE_FIELD_REASON;
  return fields;
}

static void
add_answer_changes (EmsImportChanges *changes,
                    EmsAssessment    *current,
                    EmsAssessment    *imported)
{
  EmsChecklist *checklist = ems_assessment_get_checklist (current);
  guint n = ems_checklist_get_n_questions (checklist);

  for (guint i = 0; i < n; i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);
      const EmsAnswer *old = ems_assessment_get_answer (current, question->id);
      const EmsAnswer *given = ems_assessment_get_answer (imported, question->id);
      g_autoptr(EmsAnswer) before = NULL;
      g_autoptr(EmsAnswer) after = NULL;
      EmsChangeFields fields;
      EmsImportChange *change;

      if (given == NULL || ems_answer_is_empty (given))
        continue;
      before = old != NULL ? ems_answer_copy (old) : ems_answer_new ();
      after = merge_answer (old, given);
      fields = changed_fields (before, after);
      if (fields == 0)
        continue;

      change = g_new0 (EmsImportChange, 1);
      change->kind = EMS_CHANGE_ANSWER;
      change->key = g_strdup (question->id);
      change->fields = fields;
      change->old_answer = g_steal_pointer (&before);
      change->new_answer = g_steal_pointer (&after);
      g_ptr_array_add (changes->changes, change);
      if (fields & EMS_CHANGE_FIELD_LEVEL)
        changes->n_answers++;
      if (fields & (EMS_CHANGE_FIELD_NOTE | EMS_CHANGE_FIELD_EVIDENCE | EMS_CHANGE_FIELD_REASON))
        changes->n_notes++;
    }
}

EmsImportChanges *
ems_import_changes_new (EmsAssessment *current,
                        EmsAssessment *imported)
{
  EmsImportChanges *changes;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (current), NULL);
  g_return_val_if_fail (EMS_IS_ASSESSMENT (imported), NULL);

  changes = g_new0 (EmsImportChanges, 1);
  changes->changes = g_ptr_array_new_with_free_func (change_free);
  add_profile_changes (changes, current, imported);
  add_answer_changes (changes, current, imported);
  return changes;
}

void
ems_import_changes_apply (EmsImportChanges *changes,
                          EmsAssessment    *target)
{
  g_return_if_fail (changes != NULL);
  g_return_if_fail (EMS_IS_ASSESSMENT (target));

  for (guint i = 0; i < changes->changes->len; i++)
    {
      EmsImportChange *change = g_ptr_array_index (changes->changes, i);

      if (change->kind == EMS_CHANGE_PROFILE)
        g_object_set_property (G_OBJECT (target), change->key, &change->new_value);
      else
        ems_assessment_set_answer (target, change->key, change->new_answer);
    }
}
