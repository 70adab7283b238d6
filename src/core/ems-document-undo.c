/* ems-document-undo.c: the undo stack of an EmsDocument, and the point in
 * it that matches the file on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document watches the assessment and keeps a shadow copy of what it
 * watches (answers, profile properties, the action plan), so that every
 * change is recorded whoever makes it: the pages need to know nothing of
 * undo. Each entry has a serial; the saved point is the serial on top of
 * the stack when the file was written, so undoing back to it clears the
 * unsaved mark and redoing past it sets it again.
 */
#define G_LOG_DOMAIN "ems-document"

#include "config.h"

#include "ems-document-private.h"

/* Edits of the same text within this time make one undo step. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

/* The profile properties of EmsAssessment that undo covers */
static const char * const profile_properties[] = {
  "name", "site", "sector", "employees", "country", "assessor",
  "assessed-on", "target-level",
};

/* The properties of EmsAction that undo covers */
static const char * const action_properties[] = {
  "title", "element", "question", "owner", "due", "status",
  "description", "phase",
};

typedef enum
{
  UNDO_ANSWER,
  UNDO_PROPERTY,   /* of the assessment or of one action */
  UNDO_ACTIONS,    /* actions removed and added at one position */
  UNDO_GROUP,      /* several entries undone and redone as one step */
} UndoKind;

typedef struct
{
  UndoKind   kind;
  guint64    serial;
  char      *key;          /* question id or property name */
  GObject   *target;       /* UNDO_PROPERTY: the assessment or an action */
  EmsAnswer *old_answer;   /* NULL: no entry */
  EmsAnswer *new_answer;
  GValue     old_value;
  GValue     new_value;
  guint      position;     /* UNDO_ACTIONS */
  GPtrArray *removed;      /* EmsAction */
  GPtrArray *added;        /* EmsAction */
  GPtrArray *children;     /* UNDO_GROUP: UndoEntry, in the order made */
  gboolean   text_only;
  gint64     time;         /* 0: never merge into this entry */
} UndoEntry;

typedef struct
{
  EmsDocument *document;
  EmsAction   *live;
  EmsAction   *copy;       /* the values undo knows */
} ActionShadow;

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_free (entry->key);
  g_clear_object (&entry->target);
  g_clear_pointer (&entry->old_answer, ems_answer_free);
  g_clear_pointer (&entry->new_answer, ems_answer_free);
  if (G_IS_VALUE (&entry->old_value))
    g_value_unset (&entry->old_value);
  if (G_IS_VALUE (&entry->new_value))
    g_value_unset (&entry->new_value);
  g_clear_pointer (&entry->removed, g_ptr_array_unref);
  g_clear_pointer (&entry->added, g_ptr_array_unref);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry);
}

static void
gvalue_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void on_action_notify (EmsAction   *action,
                              GParamSpec  *pspec,
                              EmsDocument *self);

static void
action_shadow_free (gpointer data)
{
  ActionShadow *shadow = data;

  g_signal_handlers_disconnect_by_func (shadow->live, on_action_notify, shadow->document);
  g_object_unref (shadow->live);
  g_object_unref (shadow->copy);
  g_free (shadow);
}

static ActionShadow *
action_shadow_new (EmsDocument *self,
                   EmsAction   *action)
{
  ActionShadow *shadow = g_new0 (ActionShadow, 1);

  shadow->document = self;
  shadow->live = g_object_ref (action);
  shadow->copy = ems_action_copy (action);
  g_signal_connect (action, "notify", G_CALLBACK (on_action_notify), self);
  return shadow;
}

static UndoEntry *
top_entry (EmsDocument *self)
{
  if (self->undo_stack->len == 0)
    return NULL;
  return g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
}

guint64
ems_document_undo_top_serial (EmsDocument *self)
{
  UndoEntry *top = top_entry (self);

  return top != NULL ? top->serial : 0;
}

guint64
ems_document_undo_seal (EmsDocument *self)
{
  UndoEntry *top = top_entry (self);

  if (top == NULL)
    return 0;
  top->time = 0;
  return top->serial;
}

/* The top entry, if the edit at @now may be merged into it */
static UndoEntry *
mergeable_top (EmsDocument *self,
               UndoKind     kind,
               const char  *key,
               gint64       now)
{
  UndoEntry *top = top_entry (self);

  if (top == NULL || top->kind != kind || top->time == 0 ||
      now - top->time >= COALESCE_USEC || self->redo_stack->len > 0 ||
      top->serial == self->saved_serial || g_strcmp0 (top->key, key) != 0)
    return NULL;
  return top;
}

static UndoEntry *
entry_new (EmsDocument *self,
           UndoKind     kind,
           const char  *key)
{
  UndoEntry *entry = g_new0 (UndoEntry, 1);

  entry->kind = kind;
  entry->serial = self->next_serial++;
  entry->key = g_strdup (key);
  entry->time = g_get_monotonic_time ();
  return entry;
}

static void
push_entry (EmsDocument *self,
            UndoEntry   *entry)
{
  gboolean could_undo = ems_document_get_can_undo (self);
  gboolean could_redo = ems_document_get_can_redo (self);

  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, entry);
  ems_document_emit_undo_state (self, could_undo, could_redo);
}

static gboolean
answer_state_equal (const EmsAnswer *a,
                    const EmsAnswer *b)
{
  EmsAnswerState sa = a ? a->state : EMS_ANSWER_UNANSWERED;
  EmsAnswerState sb = b ? b->state : EMS_ANSWER_UNANSWERED;
  guint la = (a && a->state == EMS_ANSWER_LEVEL) ? a->level : 0;
  guint lb = (b && b->state == EMS_ANSWER_LEVEL) ? b->level : 0;

  return sa == sb && la == lb;
}

static void
on_answer_changed (EmsAssessment *assessment,
                   const char    *question_id,
                   EmsDocument   *self)
{
  const EmsAnswer *current = ems_assessment_get_answer (assessment, question_id);
  EmsAnswer *old = g_hash_table_lookup (self->shadow_answers, question_id);
  gint64 now = g_get_monotonic_time ();

  if ((old == NULL && current == NULL) ||
      (old != NULL && current != NULL && ems_answer_equal (old, current)))
    {
      self->recorded = TRUE;
      return;
    }

  if (!self->applying)
    {
      gboolean text_only = answer_state_equal (old, current);
      UndoEntry *top = mergeable_top (self, UNDO_ANSWER, question_id, now);

      if (text_only && top != NULL && top->text_only)
        {
          g_clear_pointer (&top->new_answer, ems_answer_free);
          top->new_answer = current ? ems_answer_copy (current) : NULL;
          top->time = now;
        }
      else
        {
          UndoEntry *entry = entry_new (self, UNDO_ANSWER, question_id);

          entry->old_answer = old ? ems_answer_copy (old) : NULL;
          entry->new_answer = current ? ems_answer_copy (current) : NULL;
          entry->text_only = text_only;
          push_entry (self, entry);
        }
      self->recorded = TRUE;
      self->maybe_untracked = FALSE;
      ems_document_update_modified (self);
    }

  if (current != NULL)
    g_hash_table_insert (self->shadow_answers, g_strdup (question_id),
                         ems_answer_copy (current));
  else
    g_hash_table_remove (self->shadow_answers, question_id);
}

/* Records that @target's property @pspec went from @old to @current */
static void
record_property (EmsDocument  *self,
                 GObject      *target,
                 GParamSpec   *pspec,
                 const GValue *old,
                 const GValue *current)
{
  const char *name = g_param_spec_get_name (pspec);
  gint64 now = g_get_monotonic_time ();
  UndoEntry *top = mergeable_top (self, UNDO_PROPERTY, name, now);

  if (G_VALUE_HOLDS_STRING (current) && top != NULL && top->target == target)
    {
      g_value_copy (current, &top->new_value);
      top->time = now;
    }
  else
    {
      UndoEntry *entry = entry_new (self, UNDO_PROPERTY, name);

      entry->target = g_object_ref (target);
      g_value_init (&entry->old_value, G_VALUE_TYPE (old));
      g_value_copy (old, &entry->old_value);
      g_value_init (&entry->new_value, G_VALUE_TYPE (current));
      g_value_copy (current, &entry->new_value);
      push_entry (self, entry);
    }
  self->recorded = TRUE;
  self->maybe_untracked = FALSE;
  ems_document_update_modified (self);
}

static gboolean
in_list (const char * const *list,
         guint               n,
         const char         *name)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (name, list[i]))
      return TRUE;
  return FALSE;
}

static void
on_assessment_notify (EmsAssessment *assessment,
                      GParamSpec    *pspec,
                      EmsDocument   *self)
{
  const char *name = g_param_spec_get_name (pspec);
  GValue *old;
  GValue *current;

  if (!in_list (profile_properties, G_N_ELEMENTS (profile_properties), name))
    return;

  old = g_hash_table_lookup (self->shadow_values, name);
  current = g_new0 (GValue, 1);
  g_value_init (current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (assessment), name, current);

  if (old != NULL && g_param_values_cmp (pspec, old, current) == 0)
    {
      gvalue_free (current);
      self->recorded = TRUE;
      return;
    }

  if (!self->applying && old != NULL)
    record_property (self, G_OBJECT (assessment), pspec, old, current);

  g_hash_table_insert (self->shadow_values, g_strdup (name), current);
}

static ActionShadow *
find_action_shadow (EmsDocument *self,
                    EmsAction   *action)
{
  for (guint i = 0; i < self->shadow_actions->len; i++)
    {
      ActionShadow *shadow = g_ptr_array_index (self->shadow_actions, i);

      if (shadow->live == action)
        return shadow;
    }
  return NULL;
}

static void
on_action_notify (EmsAction   *action,
                  GParamSpec  *pspec,
                  EmsDocument *self)
{
  const char *name = g_param_spec_get_name (pspec);
  ActionShadow *shadow;
  g_auto(GValue) old = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;

  if (!in_list (action_properties, G_N_ELEMENTS (action_properties), name) ||
      !(shadow = find_action_shadow (self, action)))
    return;

  g_value_init (&old, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (shadow->copy), name, &old);
  g_object_get_property (G_OBJECT (action), name, &current);
  if (g_param_values_cmp (pspec, &old, &current) == 0)
    return;

  /* Recorded after the assessment's "changed" (which the assessment's own
   * handler of this signal emits first): the next change is not this one. */
  if (!self->applying)
    {
      record_property (self, G_OBJECT (action), pspec, &old, &current);
      self->recorded = FALSE;
    }

  g_object_set_property (G_OBJECT (shadow->copy), name, &current);
}

static void
on_actions_changed (EmsAssessment *assessment,
                    guint          position,
                    guint          removed,
                    guint          added,
                    EmsDocument   *self)
{
  UndoEntry *entry = NULL;

  g_return_if_fail (position + removed <= self->shadow_actions->len);

  if (!self->applying)
    {
      entry = entry_new (self, UNDO_ACTIONS, NULL);
      entry->position = position;
      entry->removed = g_ptr_array_new_with_free_func (g_object_unref);
      entry->added = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < removed; i++)
    {
      ActionShadow *shadow = g_ptr_array_index (self->shadow_actions, position + i);

      if (entry != NULL)
        g_ptr_array_add (entry->removed, g_object_ref (shadow->live));
    }
  g_ptr_array_remove_range (self->shadow_actions, position, removed);

  for (guint i = 0; i < added; i++)
    {
      EmsAction *action = ems_assessment_get_action (assessment, position + i);

      g_ptr_array_insert (self->shadow_actions, position + i,
                          action_shadow_new (self, action));
      if (entry != NULL)
        g_ptr_array_add (entry->added, g_object_ref (action));
    }

  if (entry != NULL)
    {
      entry->time = 0;
      push_entry (self, entry);
      self->recorded = TRUE;
      self->maybe_untracked = FALSE;
      ems_document_update_modified (self);
    }
}

static void
apply_entry (EmsDocument *self,
             UndoEntry   *entry,
             gboolean     undo)
{
  self->applying = TRUE;

  switch (entry->kind)
    {
    case UNDO_GROUP:
      /* Undone last change first, redone in the order made */
      for (guint i = 0; i < entry->children->len; i++)
        {
          guint j = undo ? entry->children->len - 1 - i : i;

          apply_entry (self, g_ptr_array_index (entry->children, j), undo);
        }
      self->applying = TRUE;
      break;

    case UNDO_ANSWER:
      {
        EmsAnswer *answer = undo ? entry->old_answer : entry->new_answer;
        g_autoptr(EmsAnswer) empty = answer ? NULL : ems_answer_new ();

        ems_assessment_set_answer (self->assessment, entry->key, answer ? answer : empty);
      }
      break;

    case UNDO_PROPERTY:
      g_object_set_property (entry->target, entry->key,
                             undo ? &entry->old_value : &entry->new_value);
      break;

    case UNDO_ACTIONS:
      {
        GPtrArray *take_out = undo ? entry->added : entry->removed;
        GPtrArray *put_back = undo ? entry->removed : entry->added;

        for (guint i = 0; i < take_out->len; i++)
          ems_assessment_remove_action (self->assessment, entry->position);
        for (guint i = 0; i < put_back->len; i++)
          ems_assessment_insert_action (self->assessment, entry->position + i,
                                        g_ptr_array_index (put_back, i));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  self->applying = FALSE;
}

static void
move_entry (EmsDocument *self,
            GPtrArray   *from,
            GPtrArray   *to,
            gboolean     undo)
{
  gboolean could_undo = ems_document_get_can_undo (self);
  gboolean could_redo = ems_document_get_can_redo (self);
  UndoEntry *entry;

  if (from->len == 0)
    return;

  entry = g_ptr_array_steal_index (from, from->len - 1);
  apply_entry (self, entry, undo);
  entry->time = 0;   /* never merge new edits into an undone or redone step */
  g_ptr_array_add (to, entry);
  ems_document_update_modified (self);
  ems_document_emit_undo_state (self, could_undo, could_redo);
}

/* Groups */

void
ems_document_begin_group (EmsDocument *self)
{
  g_return_if_fail (EMS_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    {
      /* Nothing made inside the group merges into the step before it */
      ems_document_undo_seal (self);
      self->group_start = self->undo_stack->len;
    }
}

void
ems_document_end_group (EmsDocument *self)
{
  UndoEntry *group;
  guint n;

  g_return_if_fail (EMS_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  n = self->undo_stack->len - MIN (self->group_start, self->undo_stack->len);
  if (n == 0)
    return;
  if (n == 1)
    {
      ems_document_undo_seal (self);
      return;
    }

  /* The group takes the serial of its last step, which the saved point and
   * the modified flag already know. */
  group = g_new0 (UndoEntry, 1);
  group->kind = UNDO_GROUP;
  group->children = g_ptr_array_new_with_free_func (undo_entry_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (group->children,
                     g_ptr_array_steal_index (self->undo_stack, self->group_start));
  group->serial = ((UndoEntry *) g_ptr_array_index (group->children, n - 1))->serial;
  group->time = 0;
  g_ptr_array_add (self->undo_stack, group);
}

void
ems_document_undo (EmsDocument *self)
{
  g_return_if_fail (EMS_IS_DOCUMENT (self));

  move_entry (self, self->undo_stack, self->redo_stack, TRUE);
}

void
ems_document_redo (EmsDocument *self)
{
  g_return_if_fail (EMS_IS_DOCUMENT (self));

  move_entry (self, self->redo_stack, self->undo_stack, FALSE);
}

gboolean
ems_document_get_can_undo (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
ems_document_get_can_redo (EmsDocument *self)
{
  g_return_val_if_fail (EMS_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0;
}

static void
take_snapshot (EmsDocument *self)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (self->assessment);
  g_auto(GStrv) ids = ems_assessment_dup_answer_ids (self->assessment);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const EmsAnswer *answer = ems_assessment_get_answer (self->assessment, ids[i]);

      if (answer != NULL)
        g_hash_table_insert (self->shadow_answers, g_strdup (ids[i]),
                             ems_answer_copy (answer));
    }

  for (guint i = 0; i < G_N_ELEMENTS (profile_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, profile_properties[i]);
      GValue *value;

      if (pspec == NULL)
        {
          g_debug ("EmsAssessment has no property %s: not undoable",
                   profile_properties[i]);
          continue;
        }

      value = g_new0 (GValue, 1);
      g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (self->assessment), profile_properties[i], value);
      g_hash_table_insert (self->shadow_values, g_strdup (profile_properties[i]), value);
    }

  for (guint i = 0; i < ems_assessment_get_n_actions (self->assessment); i++)
    g_ptr_array_add (self->shadow_actions,
                     action_shadow_new (self, ems_assessment_get_action (self->assessment, i)));
}

void
ems_document_undo_init (EmsDocument *self)
{
  self->shadow_answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) ems_answer_free);
  self->shadow_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gvalue_free);
  self->shadow_actions = g_ptr_array_new_with_free_func (action_shadow_free);
  self->undo_stack = g_ptr_array_new_with_free_func (undo_entry_free);
  self->redo_stack = g_ptr_array_new_with_free_func (undo_entry_free);
  self->next_serial = 1;
}

void
ems_document_undo_connect (EmsDocument *self)
{
  take_snapshot (self);
  g_signal_connect_object (self->assessment, "answer-changed",
                           G_CALLBACK (on_answer_changed), self, 0);
  g_signal_connect_object (self->assessment, "notify",
                           G_CALLBACK (on_assessment_notify), self, 0);
  g_signal_connect_object (self->assessment, "actions-changed",
                           G_CALLBACK (on_actions_changed), self, 0);
}

void
ems_document_undo_disconnect (EmsDocument *self)
{
  g_ptr_array_set_size (self->shadow_actions, 0);
  /* Entries hold actions and the assessment: drop them with it. */
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
}

void
ems_document_undo_finalize (EmsDocument *self)
{
  g_hash_table_unref (self->shadow_answers);
  g_hash_table_unref (self->shadow_values);
  g_ptr_array_unref (self->shadow_actions);
  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
}
