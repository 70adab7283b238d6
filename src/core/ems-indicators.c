/* ems-indicators.c: the outcome indicators, parsed from translatable XML data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-indicators"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ems-error.h"
#include "ems-indicators.h"

/* data/indicators.xml, compiled in by build-aux/embed-data.py */
extern const unsigned char ems_indicators_xml[];
extern const size_t ems_indicators_xml_length;

static const char *kind_ids[EMS_N_INDICATOR_KINDS] = {
  [EMS_INDICATOR_OPERATIONAL] = "operational",
  [EMS_INDICATOR_COMPLIANCE] = "compliance",
};

struct _EmsIndicatorSet
{
  GObject      parent_instance;

  guint        version;
  GPtrArray   *indicators;   /* EmsIndicator*, data order, owning */
  GHashTable  *by_id;        /* id -> EmsIndicator* */
  GPtrArray   *outputs;      /* EmsOutputKind*, data order, owning */
  GHashTable  *outputs_by_id;
  char        *kind_names[EMS_N_INDICATOR_KINDS];
  char        *kind_helps[EMS_N_INDICATOR_KINDS];
};

G_DEFINE_FINAL_TYPE (EmsIndicatorSet, ems_indicator_set, G_TYPE_OBJECT)

static void
indicator_free (EmsIndicator *indicator)
{
  g_free (indicator->id);
  g_free (indicator->unit);
  g_free (indicator->name);
  g_free (indicator->unit_label);
  g_free (indicator->help);
  g_free (indicator);
}

static void
output_kind_free (EmsOutputKind *output)
{
  g_free (output->id);
  g_free (output->name);
  g_free (output->unit_label);
  g_free (output->per_label);
  g_free (output->help);
  g_free (output);
}

static void
ems_indicator_set_finalize (GObject *object)
{
  EmsIndicatorSet *self = (EmsIndicatorSet *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->outputs_by_id, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->outputs, g_ptr_array_unref);

  for (guint i = 0; i < EMS_N_INDICATOR_KINDS; i++)
    {
      g_clear_pointer (&self->kind_names[i], g_free);
      g_clear_pointer (&self->kind_helps[i], g_free);
    }

  G_OBJECT_CLASS (ems_indicator_set_parent_class)->finalize (object);
}

static void
ems_indicator_set_class_init (EmsIndicatorSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ems_indicator_set_finalize;
}

static void
ems_indicator_set_init (EmsIndicatorSet *self)
{
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  self->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) output_kind_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->outputs_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Parsing */

typedef struct
{
  EmsIndicatorSet *self;
  GString         *text;        /* character data of the current leaf */
  gboolean         collecting;
  gboolean         in_kinds;
  gboolean         in_outputs;
  int              kind;        /* current <kind>, -1 outside */
  EmsOutputKind   *output;      /* current <output> */
  EmsIndicator    *indicator;   /* current <indicator> */
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

static void
set_error (GMarkupParseContext  *context,
           GError              **error,
           const char           *message)
{
  int line, column;

  g_markup_parse_context_get_position (context, &line, &column);
  g_set_error (error, EMS_ERROR, EMS_ERROR_CHECKLIST,
               "indicators:%d:%d: %s", line, column, message);
}

/* An id as the .emsa format writes it: lower-case ASCII words (letters
 * and digits, the first a letter) joined by single '-' */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || !g_ascii_islower (*id))
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (*p == '-' && (p[1] == '-' || p[1] == '\0'))
        return FALSE;
      if (*p != '-' && !g_ascii_islower (*p) && !g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_yes_no (const char *str,
              gboolean   *out)
{
  if (g_strcmp0 (str, "yes") == 0)
    *out = TRUE;
  else if (g_strcmp0 (str, "no") == 0)
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

static void
start_kind (GMarkupParseContext  *context,
            ParseState           *state,
            const char          **attr_names,
            const char          **attr_values,
            GError              **error)
{
  const char *id = NULL;

  if (!state->in_kinds)
    {
      set_error (context, error, "kind outside <kinds>");
      return;
    }
  if (!g_markup_collect_attributes ("kind", attr_names, attr_values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_INVALID))
    return;

  for (guint i = 0; i < EMS_N_INDICATOR_KINDS; i++)
    if (g_str_equal (id, kind_ids[i]))
      state->kind = i;

  if (state->kind < 0)
    set_error (context, error, "kind must be operational or compliance");
  else if (state->self->kind_names[state->kind] != NULL)
    set_error (context, error, "kind appears twice");
}

static void
start_output (GMarkupParseContext  *context,
              ParseState           *state,
              const char          **attr_names,
              const char          **attr_values,
              GError              **error)
{
  EmsIndicatorSet *self = state->self;
  const char *kind = NULL, *detail = NULL;
  EmsOutputKind *output;

  if (!state->in_outputs)
    {
      set_error (context, error, "output outside <outputs>");
      return;
    }
  if (!g_markup_collect_attributes ("output", attr_names, attr_values, error,
                                    G_MARKUP_COLLECT_STRING, "kind", &kind,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "detail", &detail,
                                    G_MARKUP_COLLECT_INVALID))
    return;
  if (!is_valid_id (kind) || g_hash_table_contains (self->outputs_by_id, kind))
    {
      set_error (context, error, "output kinds must be distinct lower-case ids");
      return;
    }

  output = g_new0 (EmsOutputKind, 1);
  output->id = g_strdup (kind);
  output->index = self->outputs->len;
  g_ptr_array_add (self->outputs, output);
  g_hash_table_insert (self->outputs_by_id, output->id, output);
  state->output = output;

  if (detail == NULL)
    output->detail = EMS_OUTPUT_DETAIL_NONE;
  else if (g_str_equal (detail, "unit"))
    output->detail = EMS_OUTPUT_DETAIL_UNIT;
  else if (g_str_equal (detail, "currency"))
    output->detail = EMS_OUTPUT_DETAIL_CURRENCY;
  else
    set_error (context, error, "detail must be unit or currency");
}

static void
start_indicator (GMarkupParseContext  *context,
                 ParseState           *state,
                 const char          **attr_names,
                 const char          **attr_values,
                 GError              **error)
{
  EmsIndicatorSet *self = state->self;
  const char *id = NULL, *kind = NULL, *unit = NULL, *ratio = NULL, *max = NULL;
  EmsIndicator *indicator;

  if (state->in_kinds || state->in_outputs)
    {
      set_error (context, error, "indicator in an unexpected place");
      return;
    }
  if (!g_markup_collect_attributes ("indicator", attr_names, attr_values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "kind", &kind,
                                    G_MARKUP_COLLECT_STRING, "unit", &unit,
                                    G_MARKUP_COLLECT_STRING, "ratio", &ratio,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "max", &max,
                                    G_MARKUP_COLLECT_INVALID))
    return;
  if (!is_valid_id (id) || g_hash_table_contains (self->by_id, id))
    {
      set_error (context, error, "indicator ids must be distinct lower-case ids");
      return;
    }

  indicator = g_new0 (EmsIndicator, 1);
  indicator->id = g_strdup (id);
  indicator->index = self->indicators->len;
  indicator->unit = g_strdup (unit);
  indicator->max = INFINITY;
  g_ptr_array_add (self->indicators, indicator);
  g_hash_table_insert (self->by_id, indicator->id, indicator);
  state->indicator = indicator;

  if (g_str_equal (kind, kind_ids[EMS_INDICATOR_OPERATIONAL]))
    indicator->kind = EMS_INDICATOR_OPERATIONAL;
  else if (g_str_equal (kind, kind_ids[EMS_INDICATOR_COMPLIANCE]))
    indicator->kind = EMS_INDICATOR_COMPLIANCE;
  else
    {
      set_error (context, error, "kind must be operational or compliance");
      return;
    }

  if (*unit == '\0')
    {
      set_error (context, error, "unit must not be empty");
      return;
    }

  if (!parse_yes_no (ratio, &indicator->has_ratio))
    {
      set_error (context, error, "ratio must be yes or no");
      return;
    }

  if (max != NULL)
    {
      char *end = NULL;

      indicator->max = g_ascii_strtod (max, &end);
      if (end == max || *end != '\0' || !isfinite (indicator->max) || indicator->max <= 0)
        set_error (context, error, "max must be a number above 0");
    }
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
  EmsIndicatorSet *self = state->self;
  gboolean in_item = state->kind >= 0 || state->output != NULL || state->indicator != NULL;

  if (state->collecting)
    {
      set_error (context, error, "markup inside a text");
      return;
    }

  if (g_str_equal (name, "indicators"))
    {
      const char *version = NULL;
      guint64 v;

      if (!g_markup_collect_attributes (name, attr_names, attr_values, error,
                                        G_MARKUP_COLLECT_STRING, "version", &version,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &v, NULL))
        self->version = (guint) v;
      else
        set_error (context, error, "bad version");
    }
  else if (in_item && (g_str_equal (name, "name") || g_str_equal (name, "help") ||
                       g_str_equal (name, "unit-label") || g_str_equal (name, "per-label")))
    {
      g_string_truncate (state->text, 0);
      state->collecting = TRUE;
    }
  else if (in_item)
    set_error (context, error, "unknown element");
  else if (g_str_equal (name, "kinds"))
    state->in_kinds = TRUE;
  else if (g_str_equal (name, "outputs"))
    state->in_outputs = TRUE;
  else if (g_str_equal (name, "kind"))
    start_kind (context, state, attr_names, attr_values, error);
  else if (g_str_equal (name, "output"))
    start_output (context, state, attr_names, attr_values, error);
  else if (g_str_equal (name, "indicator"))
    start_indicator (context, state, attr_names, attr_values, error);
  else
    set_error (context, error, "unknown element");
}

/* Where the text of the leaf @name goes, or NULL when it has no place there */
static char **
text_target (ParseState *state,
             const char *name)
{
  EmsIndicatorSet *self = state->self;

  if (state->kind >= 0)
    {
      if (g_str_equal (name, "name"))
        return &self->kind_names[state->kind];
      if (g_str_equal (name, "help"))
        return &self->kind_helps[state->kind];
    }
  else if (state->output != NULL)
    {
      if (g_str_equal (name, "name"))
        return &state->output->name;
      if (g_str_equal (name, "help"))
        return &state->output->help;
      if (g_str_equal (name, "unit-label"))
        return &state->output->unit_label;
      if (g_str_equal (name, "per-label"))
        return &state->output->per_label;
    }
  else if (state->indicator != NULL)
    {
      if (g_str_equal (name, "name"))
        return &state->indicator->name;
      if (g_str_equal (name, "help"))
        return &state->indicator->help;
      if (g_str_equal (name, "unit-label"))
        return &state->indicator->unit_label;
    }

  return NULL;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  EmsIndicatorSet *self = state->self;

  if (state->collecting)
    {
      char **target = text_target (state, name);

      state->collecting = FALSE;
      if (target == NULL || *target != NULL)
        {
          set_error (context, error, "text in an unexpected place, or twice");
          return;
        }
      *target = translate_text (state->text->str);
      if (**target == '\0')
        set_error (context, error, "empty text");
    }
  else if (g_str_equal (name, "kinds"))
    state->in_kinds = FALSE;
  else if (g_str_equal (name, "outputs"))
    state->in_outputs = FALSE;
  else if (g_str_equal (name, "kind"))
    {
      if (self->kind_names[state->kind] == NULL || self->kind_helps[state->kind] == NULL)
        set_error (context, error, "kind without a name or help");
      state->kind = -1;
    }
  else if (g_str_equal (name, "output"))
    {
      EmsOutputKind *output = state->output;
      gboolean user_unit = output->detail != EMS_OUTPUT_DETAIL_NONE;

      if (output->name == NULL || output->help == NULL)
        set_error (context, error, "output without a name or help");
      else if (user_unit != (output->unit_label == NULL) || user_unit != (output->per_label == NULL))
        set_error (context, error, "an output has unit and per labels unless it has a detail");
      state->output = NULL;
    }
  else if (g_str_equal (name, "indicator"))
    {
      EmsIndicator *indicator = state->indicator;

      if (indicator->name == NULL || indicator->help == NULL || indicator->unit_label == NULL)
        set_error (context, error, "indicator without a name, unit label or help");
      state->indicator = NULL;
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

EmsIndicatorSet *
ems_indicator_set_new_from_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_autoptr(EmsIndicatorSet) self = g_object_new (EMS_TYPE_INDICATOR_SET, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  ParseState state = { 0 };
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  state.self = self;
  state.text = buffer;
  state.kind = -1;

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";   /* empty bytes: GMarkup wants text, even of length 0 */
  if (data == NULL)
    data = "";
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  if (!g_markup_parse_context_parse (context, data, len, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;

  if (self->version == 0 || self->indicators->len == 0 || self->outputs->len == 0)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_CHECKLIST,
                   "indicators: no indicators or no outputs");
      return NULL;
    }

  for (guint i = 0; i < EMS_N_INDICATOR_KINDS; i++)
    {
      if (self->kind_names[i] == NULL)
        {
          g_set_error (error, EMS_ERROR, EMS_ERROR_CHECKLIST,
                       "indicators: the kind %s is not described", kind_ids[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * ems_indicator_set_dup_bundled_data:
 *
 * Returns: (transfer full): the XML of the indicator set compiled into the
 *   program, untranslated
 */
GBytes *
ems_indicator_set_dup_bundled_data (void)
{
  return g_bytes_new_static (ems_indicators_xml, ems_indicators_xml_length);
}

/**
 * ems_indicator_set_get_default:
 *
 * The indicator set compiled into the program, translated into the
 * current language. Loaded once; thread-safe.
 *
 * Returns: (transfer none): the indicator set
 */
EmsIndicatorSet *
ems_indicator_set_get_default (void)
{
  static gsize instance = 0;

  if (g_once_init_enter (&instance))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ems_indicator_set_dup_bundled_data ();
      EmsIndicatorSet *set = ems_indicator_set_new_from_bytes (bytes, &error);

      if (set == NULL)
        g_error ("The bundled indicator set is broken: %s", error->message);

      g_once_init_leave (&instance, (gsize) set);
    }

  return (EmsIndicatorSet *) instance;
}

guint
ems_indicator_set_get_version (EmsIndicatorSet *self)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), 0);
  return self->version;
}

guint
ems_indicator_set_get_n_indicators (EmsIndicatorSet *self)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), 0);
  return self->indicators->len;
}

/**
 * ems_indicator_set_get_indicator:
 * @index: 0-based, in data order
 */
const EmsIndicator *
ems_indicator_set_get_indicator (EmsIndicatorSet *self,
                                 guint            index)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);

  return g_ptr_array_index (self->indicators, index);
}

const EmsIndicator *
ems_indicator_set_lookup (EmsIndicatorSet *self,
                          const char      *id)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

const char *
ems_indicator_set_get_kind_name (EmsIndicatorSet  *self,
                                 EmsIndicatorKind  kind)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), NULL);
  g_return_val_if_fail (kind < EMS_N_INDICATOR_KINDS, NULL);

  return self->kind_names[kind];
}

const char *
ems_indicator_set_get_kind_help (EmsIndicatorSet  *self,
                                 EmsIndicatorKind  kind)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), NULL);
  g_return_val_if_fail (kind < EMS_N_INDICATOR_KINDS, NULL);

  return self->kind_helps[kind];
}

guint
ems_indicator_set_get_n_output_kinds (EmsIndicatorSet *self)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), 0);
  return self->outputs->len;
}

const EmsOutputKind *
ems_indicator_set_get_output_kind (EmsIndicatorSet *self,
                                   guint            index)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), NULL);
  g_return_val_if_fail (index < self->outputs->len, NULL);

  return g_ptr_array_index (self->outputs, index);
}

const EmsOutputKind *
ems_indicator_set_lookup_output_kind (EmsIndicatorSet *self,
                                      const char      *id)
{
  g_return_val_if_fail (EMS_IS_INDICATOR_SET (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->outputs_by_id, id);
}

const char *
ems_indicator_kind_to_string (EmsIndicatorKind kind)
{
  g_return_val_if_fail (kind < EMS_N_INDICATOR_KINDS, NULL);
  return kind_ids[kind];
}
