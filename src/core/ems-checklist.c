/* ems-checklist.c: the checklist, parsed from translatable XML data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ems-checklist.h"
#include "ems-error.h"

/* data/checklist.xml, compiled in by build-aux/embed-data.py */
extern const unsigned char ems_checklist_xml[];
extern const size_t ems_checklist_xml_length;

struct _EmsChecklist
{
  GObject      parent_instance;

  char        *id;
  guint        version;
  GPtrArray   *elements;    /* EmsElement* */
  GPtrArray   *questions;   /* EmsQuestion*, checklist order, owning */
  GHashTable  *by_id;       /* id -> EmsQuestion* */
  GHashTable  *iso_titles;  /* ISO 14001 clause number -> translated title */
  char        *level_labels[EMS_N_LEVELS];
  char        *level_meanings[EMS_N_LEVELS];
};

G_DEFINE_FINAL_TYPE (EmsChecklist, ems_checklist, G_TYPE_OBJECT)

static void
question_free (EmsQuestion *question)
{
  g_free (question->id);
  g_free (question->text);
  g_free (question->help);
  g_strfreev (question->iso_clauses);
  g_strfreev (question->epa_elements);
  for (guint i = 0; i < EMS_N_STEP_KINDS; i++)
    g_free (question->next_steps[i].text);
  g_free (question);
}

static void
element_free (EmsElement *element)
{
  g_free (element->title);
  g_free (element->short_title);
  g_free (element->why);
  g_free (element->questions);
  g_free (element);
}

static void
ems_checklist_finalize (GObject *object)
{
  EmsChecklist *self = (EmsChecklist *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->iso_titles, g_hash_table_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  for (guint i = 0; i < EMS_N_LEVELS; i++)
    {
      g_clear_pointer (&self->level_labels[i], g_free);
      g_clear_pointer (&self->level_meanings[i], g_free);
    }

  G_OBJECT_CLASS (ems_checklist_parent_class)->finalize (object);
}

static void
ems_checklist_class_init (EmsChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ems_checklist_finalize;
}

static void
ems_checklist_init (EmsChecklist *self)
{
  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->iso_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Parsing */

typedef struct
{
  EmsChecklist *self;
  GString      *text;        /* character data of the current leaf */
  gboolean      collecting;
  int           level;       /* current <level>, -1 outside */
  EmsElement   *element;     /* current <element> */
  GPtrArray    *element_questions;
  EmsQuestion  *question;    /* current <question> */
  int           step;        /* current <step>'s EmsStepKind, -1 outside */
  gboolean      in_iso;      /* inside <iso14001> */
  char         *clause;      /* current <clause>'s number */
} ParseState;

/* Whitespace folded the way xgettext folds it, then translated. */
static char *
translate_text (const char *text)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = folded->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (folded, ' ');
      space = FALSE;
      g_string_append_c (folded, *p);
    }

  if (folded->len == 0)
    return g_string_free (g_steal_pointer (&folded), FALSE);

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, folded->str));
}

static gboolean
parse_uint (const char  *str,
            guint        min,
            guint        max,
            guint       *out)
{
  guint64 value;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, min, max, &value, NULL))
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

/* "4", "6.1.3": numbers joined by single dots */
static gboolean
is_clause_number (const char *str)
{
  gboolean digit = FALSE;

  if (str == NULL || *str == '\0')
    return FALSE;

  for (const char *p = str; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '.' && digit)
        digit = FALSE;
      else
        return FALSE;
    }

  return digit;
}

static void
set_error (GMarkupParseContext  *context,
           GError              **error,
           const char           *message)
{
  int line, column;

  g_markup_parse_context_get_position (context, &line, &column);
  g_set_error (error, EMS_ERROR, EMS_ERROR_CHECKLIST,
               "checklist:%d:%d: %s", line, column, message);
}

/* Where each element may stand: its parent, NULL for the root. Checked
 * before anything else, so that the handlers below never see an element
 * nested where they do not expect it (a question in a question, a second
 * checklist), which would leak or lose what they hold. */
static const struct
{
  const char *name;
  const char *parent;
} element_parents[] = {
  { "checklist", NULL },
  { "levels", "checklist" },
  { "level", "levels" },
  { "label", "level" },
  { "meaning", "level" },
  { "iso14001", "checklist" },
  { "clause", "iso14001" },
  { "element", "checklist" },
  { "title", "element" },
  { "short", "element" },
  { "why", "element" },
  { "question", "element" },
  { "text", "question" },
  { "help", "question" },
  { "step", "question" },
};

static gboolean
check_parent (GMarkupParseContext  *context,
              const char           *name,
              GError              **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (element_parents); i++)
    {
      if (g_str_equal (name, element_parents[i].name))
        {
          if (g_strcmp0 (parent, element_parents[i].parent) == 0)
            return TRUE;
          set_error (context, error, "element in an unexpected place");
          return FALSE;
        }
    }

  set_error (context, error, "unknown element");
  return FALSE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attr_names,
               const char          **attr_values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  EmsChecklist *self = state->self;

  if (!check_parent (context, name, error))
    return;

  if (g_str_equal (name, "checklist"))
    {
      const char *id = NULL, *version = NULL;

      if (self->id != NULL)
        {
          set_error (context, error, "a second checklist");
          return;
        }
      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "version", &version,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      self->id = g_strdup (id);
      if (!parse_uint (version, 1, G_MAXUINT, &self->version))
        set_error (context, error, "bad version");
    }
  else if (g_str_equal (name, "levels"))
    {
    }
  else if (g_str_equal (name, "iso14001"))
    {
      const char *edition = NULL;

      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "edition", &edition,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (state->element != NULL || state->in_iso)
        {
          set_error (context, error, "iso14001 in an unexpected place");
          return;
        }
      state->in_iso = TRUE;
    }
  else if (g_str_equal (name, "clause"))
    {
      const char *number = NULL;

      if (!state->in_iso)
        {
          set_error (context, error, "clause outside iso14001");
          return;
        }
      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "number", &number,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (!is_clause_number (number) || g_hash_table_contains (self->iso_titles, number))
        {
          set_error (context, error, "clause numbers must be like 6.1.3, each given once");
          return;
        }
      g_free (state->clause);
      state->clause = g_strdup (number);
      g_string_truncate (state->text, 0);
      state->collecting = TRUE;
    }
  else if (g_str_equal (name, "level"))
    {
      const char *value = NULL;
      guint level;

      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "value", &value,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (g_strcmp0 (value, "na") == 0)
        state->level = EMS_LEVEL_NA;
      else if (parse_uint (value, 0, EMS_LEVEL_MAX, &level))
        state->level = level;
      else
        set_error (context, error, "bad level value");
    }
  else if (g_str_equal (name, "element"))
    {
      const char *number = NULL;
      guint n;

      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "number", &number,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (!parse_uint (number, 1, 99, &n) || n != self->elements->len + 1)
        {
          set_error (context, error, "elements must be numbered 1, 2, 3… in order");
          return;
        }
      state->element = g_new0 (EmsElement, 1);
      state->element->number = n;
      g_ptr_array_add (self->elements, state->element);
      state->element_questions = g_ptr_array_new ();
    }
  else if (g_str_equal (name, "question"))
    {
      const char *id = NULL, *weight = NULL, *critical = NULL, *iso = NULL, *epa = NULL;
      g_autofree char *expected = NULL;
      EmsQuestion *question;

      if (state->element == NULL)
        {
          set_error (context, error, "question outside an element");
          return;
        }
      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "weight", &weight,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "critical", &critical,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "iso", &iso,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "epa", &epa,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      expected = g_strdup_printf ("%u.%u", state->element->number,
                                  state->element_questions->len + 1);
      if (!g_str_equal (id, expected))
        {
          set_error (context, error, "question ids must be E.1, E.2… in order");
          return;
        }

      question = g_new0 (EmsQuestion, 1);
      question->id = g_strdup (id);
      question->element = state->element->number;
      question->index = self->questions->len;
      question->weight = 1;
      g_ptr_array_add (self->questions, question);
      g_ptr_array_add (state->element_questions, question);
      g_hash_table_insert (self->by_id, question->id, question);
      state->question = question;

      if (weight != NULL && !parse_uint (weight, 1, 3, &question->weight))
        {
          set_error (context, error, "weight must be 1, 2 or 3");
          return;
        }
      if (critical != NULL && !g_str_equal (critical, "yes") && !g_str_equal (critical, "no"))
        {
          set_error (context, error, "critical must be yes or no");
          return;
        }
      question->critical = g_strcmp0 (critical, "yes") == 0;
      question->iso_clauses = g_strsplit_set (iso != NULL ? g_strstrip ((char *) iso) : "", " ", -1);
      question->epa_elements = g_strsplit_set (epa != NULL ? g_strstrip ((char *) epa) : "", " ", -1);

      for (guint i = 0; question->iso_clauses[i] != NULL; i++)
        {
          if (*question->iso_clauses[i] != '\0' && !is_clause_number (question->iso_clauses[i]))
            {
              set_error (context, error, "iso must list clause numbers like 6.1.3");
              return;
            }
        }
    }
  else if (g_str_equal (name, "step"))
    {
      const char *kind = NULL, *effort = NULL;
      EmsStepKind step_kind;
      EmsEffort step_effort;

      if (state->question == NULL)
        {
          set_error (context, error, "step outside a question");
          return;
        }
      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "kind", &kind,
                                        G_MARKUP_COLLECT_STRING, "effort", &effort,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (g_str_equal (kind, "start"))
        step_kind = EMS_STEP_START;
      else if (g_str_equal (kind, "improve"))
        step_kind = EMS_STEP_IMPROVE;
      else
        {
          set_error (context, error, "step kind must be start or improve");
          return;
        }
      if (!ems_effort_from_string (effort, &step_effort))
        {
          set_error (context, error, "step effort must be low, medium or high");
          return;
        }
      if (state->question->next_steps[step_kind].text != NULL)
        {
          set_error (context, error, "a question has one step of each kind");
          return;
        }
      state->question->next_steps[step_kind].effort = step_effort;
      state->step = step_kind;
      g_string_truncate (state->text, 0);
      state->collecting = TRUE;
    }
  else if (g_str_equal (name, "label") || g_str_equal (name, "meaning") ||
           g_str_equal (name, "title") || g_str_equal (name, "why") ||
           g_str_equal (name, "short") ||
           g_str_equal (name, "text") || g_str_equal (name, "help"))
    {
      g_string_truncate (state->text, 0);
      state->collecting = TRUE;
    }
  else
    {
      set_error (context, error, "unknown element");
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  EmsChecklist *self = state->self;
  char **target = NULL;

  if (g_str_equal (name, "level"))
    state->level = -1;
  else if (g_str_equal (name, "iso14001"))
    state->in_iso = FALSE;
  else if (g_str_equal (name, "question"))
    {
      if (state->question->text == NULL)
        set_error (context, error, "question without text");
      state->question = NULL;
    }
  else if (g_str_equal (name, "element"))
    {
      EmsElement *element = state->element;

      if (element->title == NULL || state->element_questions->len == 0)
        {
          set_error (context, error, "element without title or questions");
          return;
        }
      if (element->short_title != NULL && *element->short_title == '\0')
        g_clear_pointer (&element->short_title, g_free);
      element->n_questions = state->element_questions->len;
      element->questions = (EmsQuestion **) g_ptr_array_free (g_steal_pointer (&state->element_questions), FALSE);
      state->element = NULL;
    }
  else if (state->collecting)
    {
      state->collecting = FALSE;

      if (g_str_equal (name, "clause") || g_str_equal (name, "step"))
        {
          g_autofree char *translated = translate_text (state->text->str);

          if (*translated == '\0')
            {
              set_error (context, error, "empty clause title or step");
              return;
            }
          if (g_str_equal (name, "clause"))
            g_hash_table_insert (self->iso_titles, g_steal_pointer (&state->clause),
                                 g_steal_pointer (&translated));
          else
            {
              state->question->next_steps[state->step].text = g_steal_pointer (&translated);
              state->step = -1;
            }
          return;
        }

      if (state->level >= 0 && g_str_equal (name, "label"))
        target = &self->level_labels[state->level];
      else if (state->level >= 0 && g_str_equal (name, "meaning"))
        target = &self->level_meanings[state->level];
      else if (state->question != NULL && g_str_equal (name, "text"))
        target = &state->question->text;
      else if (state->question != NULL && g_str_equal (name, "help"))
        target = &state->question->help;
      else if (state->element != NULL && state->question == NULL && g_str_equal (name, "title"))
        target = &state->element->title;
      else if (state->element != NULL && state->question == NULL && g_str_equal (name, "why"))
        target = &state->element->why;
      else if (state->element != NULL && state->question == NULL && g_str_equal (name, "short"))
        target = &state->element->short_title;

      if (target == NULL)
        {
          set_error (context, error, "text in an unexpected place");
          return;
        }

      g_free (*target);
      *target = translate_text (state->text->str);
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->collecting)
    g_string_append_len (state->text, text, text_len);
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

EmsChecklist *
ems_checklist_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(EmsChecklist) self = g_object_new (EMS_TYPE_CHECKLIST, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  ParseState state = { 0 };
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  state.self = self;
  state.text = buffer;
  state.level = -1;
  state.step = -1;

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";   /* empty bytes: GMarkup wants text, even of length 0 */
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  if (!g_markup_parse_context_parse (context, data, len, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_clear_pointer (&state.element_questions, g_ptr_array_unref);
      g_clear_pointer (&state.clause, g_free);
      return NULL;
    }

  if (self->id == NULL || self->elements->len == 0)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_CHECKLIST,
                   "checklist: no elements");
      return NULL;
    }

  for (guint i = 0; i < EMS_N_LEVELS; i++)
    {
      if (self->level_labels[i] == NULL || self->level_meanings[i] == NULL)
        {
          g_set_error (error, EMS_ERROR, EMS_ERROR_CHECKLIST,
                       "checklist: level %u lacks a label or a meaning", i);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * ems_checklist_dup_bundled_data:
 *
 * Returns: (transfer full): the XML of the checklist compiled into the
 *   program, untranslated
 */
GBytes *
ems_checklist_dup_bundled_data (void)
{
  return g_bytes_new_static (ems_checklist_xml, ems_checklist_xml_length);
}

/**
 * ems_checklist_get_default:
 *
 * The checklist compiled into the program, translated into the current
 * language. Loaded once; thread-safe.
 *
 * Returns: (transfer none): the checklist
 */
EmsChecklist *
ems_checklist_get_default (void)
{
  static gsize instance = 0;

  if (g_once_init_enter (&instance))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      EmsChecklist *checklist;

      bytes = ems_checklist_dup_bundled_data ();
      checklist = ems_checklist_new_from_bytes (bytes, &error);
      if (checklist == NULL)
        g_error ("The bundled checklist is broken: %s", error->message);

      g_once_init_leave (&instance, (gsize) checklist);
    }

  return (EmsChecklist *) instance;
}

const char *
ems_checklist_get_id (EmsChecklist *self)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);
  return self->id;
}

guint
ems_checklist_get_version (EmsChecklist *self)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), 0);
  return self->version;
}

guint
ems_checklist_get_n_elements (EmsChecklist *self)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), 0);
  return self->elements->len;
}

/**
 * ems_checklist_get_element:
 * @number: 1-based element number
 */
const EmsElement *
ems_checklist_get_element (EmsChecklist *self,
                           guint         number)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= self->elements->len, NULL);

  return g_ptr_array_index (self->elements, number - 1);
}

guint
ems_checklist_get_n_questions (EmsChecklist *self)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), 0);
  return self->questions->len;
}

const EmsQuestion *
ems_checklist_get_question (EmsChecklist *self,
                            guint         index)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);

  return g_ptr_array_index (self->questions, index);
}

const EmsQuestion *
ems_checklist_lookup_question (EmsChecklist *self,
                               const char   *id)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

const char *
ems_checklist_get_level_label (EmsChecklist *self,
                               guint         level)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (level < EMS_N_LEVELS, NULL);

  return self->level_labels[level];
}

const char *
ems_checklist_get_level_meaning (EmsChecklist *self,
                                 guint         level)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (level < EMS_N_LEVELS, NULL);

  return self->level_meanings[level];
}

const char *
ems_checklist_get_iso_clause_title (EmsChecklist *self,
                                    const char   *clause)
{
  g_return_val_if_fail (EMS_IS_CHECKLIST (self), NULL);

  if (clause == NULL)
    return NULL;

  return g_hash_table_lookup (self->iso_titles, clause);
}

/* Next steps */

gboolean
ems_step_kind_for_level (guint        level,
                         EmsStepKind *kind)
{
  EmsStepKind result;

  if (level <= 1)
    result = EMS_STEP_START;
  else if (level < EMS_LEVEL_MAX)
    result = EMS_STEP_IMPROVE;
  else
    return FALSE;

  if (kind != NULL)
    *kind = result;
  return TRUE;
}

const char *
ems_step_kind_to_string (EmsStepKind kind)
{
  switch (kind)
    {
    case EMS_STEP_START:
      return "start";
    case EMS_STEP_IMPROVE:
      return "improve";
    default:
      g_return_val_if_reached (NULL);
    }
}

const EmsNextStep *
ems_question_get_next_step (const EmsQuestion *question,
                            guint              level)
{
  EmsStepKind kind;

  g_return_val_if_fail (question != NULL, NULL);

  if (!ems_step_kind_for_level (level, &kind) || question->next_steps[kind].text == NULL)
    return NULL;

  return &question->next_steps[kind];
}

const char *
ems_element_get_short_title (const EmsElement *element)
{
  g_return_val_if_fail (element != NULL, NULL);

  return element->short_title != NULL ? element->short_title : element->title;
}

const char *
ems_effort_to_string (EmsEffort effort)
{
  switch (effort)
    {
    case EMS_EFFORT_LOW:
      return "low";
    case EMS_EFFORT_MEDIUM:
      return "medium";
    case EMS_EFFORT_HIGH:
      return "high";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ems_effort_from_string (const char *str,
                        EmsEffort  *effort)
{
  EmsEffort result;

  if (g_strcmp0 (str, "low") == 0)
    result = EMS_EFFORT_LOW;
  else if (g_strcmp0 (str, "medium") == 0)
    result = EMS_EFFORT_MEDIUM;
  else if (g_strcmp0 (str, "high") == 0)
    result = EMS_EFFORT_HIGH;
  else
    return FALSE;

  if (effort != NULL)
    *effort = result;
  return TRUE;
}

const char *
ems_effort_to_label (EmsEffort effort)
{
  switch (effort)
    {
    case EMS_EFFORT_LOW:
      /* Translators: the effort a next step takes: a few hours' work */
      return C_("effort", "Low");
    case EMS_EFFORT_MEDIUM:
      /* Translators: the effort a next step takes: days, or some spending */
      return C_("effort", "Medium");
    case EMS_EFFORT_HIGH:
      /* Translators: the effort a next step takes: a project of weeks */
      return C_("effort", "High");
    default:
      g_return_val_if_reached (NULL);
    }
}
