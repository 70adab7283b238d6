/* ems-comparison.c: statistics across many assessments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "ems-comparison.h"

typedef struct
{
  EmsAssessment *assessment;
  EmsScores     *scores;
  char          *source;
} Participant;

struct _EmsComparison
{
  GObject          parent_instance;

  GPtrArray       *participants;   /* Participant* */
  EmsElementStats *stats;          /* n_elements, NULL until computed */
  guint            n_elements;
  gboolean         anonymise;
};

G_DEFINE_FINAL_TYPE (EmsComparison, ems_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANONYMISE,
  PROP_N_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
participant_free (Participant *participant)
{
  g_clear_object (&participant->assessment);
  g_clear_pointer (&participant->scores, ems_scores_free);
  g_free (participant->source);
  g_free (participant);
}

void
ems_follow_up_free (EmsFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;

  g_free (follow_up->name);
  g_free (follow_up->site);
  g_free (follow_up->participants);
  g_free (follow_up);
}

static void
ems_comparison_finalize (GObject *object)
{
  EmsComparison *self = (EmsComparison *)object;

  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->stats, g_free);

  G_OBJECT_CLASS (ems_comparison_parent_class)->finalize (object);
}

static void
ems_comparison_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmsComparison *self = EMS_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ANONYMISE:
      g_value_set_boolean (value, self->anonymise);
      break;

    case PROP_N_PARTICIPANTS:
      g_value_set_uint (value, self->participants->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_comparison_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EmsComparison *self = EMS_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ANONYMISE:
      ems_comparison_set_anonymise (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_comparison_class_init (EmsComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ems_comparison_finalize;
  object_class->get_property = ems_comparison_get_property;
  object_class->set_property = ems_comparison_set_property;

  properties[PROP_ANONYMISE] =
    g_param_spec_boolean ("anonymise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PARTICIPANTS] =
    g_param_spec_uint ("n-participants", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ems_comparison_init (EmsComparison *self)
{
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_free);
  self->n_elements = ems_checklist_get_n_elements (ems_checklist_get_default ());
}

EmsComparison *
ems_comparison_new (void)
{
  return g_object_new (EMS_TYPE_COMPARISON, NULL);
}

/**
 * ems_comparison_add:
 * @source: (nullable): the file the assessment came from
 *
 * Adds a participant. Its scores are computed now: the comparison is a
 * snapshot of the assessments as they are.
 */
void
ems_comparison_add (EmsComparison *self,
                    EmsAssessment *assessment,
                    const char    *source)
{
  Participant *participant;

  g_return_if_fail (EMS_IS_COMPARISON (self));
  g_return_if_fail (EMS_IS_ASSESSMENT (assessment));

  participant = g_new0 (Participant, 1);
  participant->assessment = g_object_ref (assessment);
  participant->scores = ems_scores_compute (assessment);
  participant->source = g_strdup (source);
  g_ptr_array_add (self->participants, participant);

  self->n_elements = MAX (self->n_elements, participant->scores->n_elements);
  g_clear_pointer (&self->stats, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PARTICIPANTS]);
}

guint
ems_comparison_get_n_participants (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), 0);
  return self->participants->len;
}

static Participant *
get_participant (EmsComparison *self,
                 guint          index)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->participants->len, NULL);

  return g_ptr_array_index (self->participants, index);
}

EmsAssessment *
ems_comparison_get_assessment (EmsComparison *self,
                               guint          index)
{
  Participant *participant = get_participant (self, index);
  return participant != NULL ? participant->assessment : NULL;
}

const EmsScores *
ems_comparison_get_scores (EmsComparison *self,
                           guint          index)
{
  Participant *participant = get_participant (self, index);
  return participant != NULL ? participant->scores : NULL;
}

const char *
ems_comparison_get_source (EmsComparison *self,
                           guint          index)
{
  Participant *participant = get_participant (self, index);

  if (participant == NULL || self->anonymise)
    return NULL;

  return participant->source;
}

char *
ems_participant_label (guint index)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  guint n = index + 1;

  /* bijective base 26: A…Z, AA…AZ, BA… */
  while (n > 0)
    {
      n--;
      g_string_prepend_c (letters, 'A' + n % 26);
      n /= 26;
    }

  /* Translators: %s is a letter (A, B, … AA) standing in for an
   * organisation's name when results are shown anonymised */
  return g_strdup_printf (_("Participant %s"), letters->str);
}

static const char *
display_name (Participant *participant)
{
  const char *name = ems_assessment_get_name (participant->assessment);

  if (name != NULL)
    return name;
  if (participant->source != NULL)
    return participant->source;

  return _("Unnamed organisation");
}

char *
ems_comparison_dup_label (EmsComparison *self,
                          guint          index)
{
  Participant *participant = get_participant (self, index);
  const char *name, *site;
  gboolean same_name = FALSE, same_site = FALSE;

  if (participant == NULL)
    return NULL;

  if (self->anonymise)
    return ems_participant_label (index);

  name = display_name (participant);
  site = ems_assessment_get_site (participant->assessment);

  for (guint i = 0; i < self->participants->len; i++)
    {
      Participant *other = g_ptr_array_index (self->participants, i);

      if (i == index || g_strcmp0 (display_name (other), name) != 0)
        continue;
      same_name = TRUE;
      if (g_strcmp0 (ems_assessment_get_site (other->assessment), site) == 0)
        same_site = TRUE;
    }

  if (!same_name)
    return g_strdup (name);

  if (same_site || site == NULL)
    {
      const char *date = ems_assessment_get_assessed_on (participant->assessment);

      if (site != NULL)
        /* Translators: organisation, site, date of the assessment */
        return g_strdup_printf (_("%s, %s (%s)"), name, site, date != NULL ? date : "—");
      /* Translators: organisation, date of the assessment */
      return g_strdup_printf (_("%s (%s)"), name, date != NULL ? date : "—");
    }

  /* Translators: organisation, site */
  return g_strdup_printf (_("%s, %s"), name, site);
}

gboolean
ems_comparison_get_anonymise (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);
  return self->anonymise;
}

void
ems_comparison_set_anonymise (EmsComparison *self,
                              gboolean       anonymise)
{
  g_return_if_fail (EMS_IS_COMPARISON (self));

  anonymise = !!anonymise;
  if (self->anonymise == anonymise)
    return;

  self->anonymise = anonymise;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMISE]);
}

guint
ems_comparison_get_n_elements (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), 0);
  return self->n_elements;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
compute_stats (EmsComparison *self)
{
  g_autofree double *values = g_new (double, MAX (self->participants->len, 1));

  self->stats = g_new0 (EmsElementStats, self->n_elements);

  for (guint e = 0; e < self->n_elements; e++)
    {
      EmsElementStats *st = &self->stats[e];
      double sum = 0.0, squares = 0.0;
      guint n = 0;

      st->number = e + 1;

      for (guint i = 0; i < self->participants->len; i++)
        {
          Participant *participant = g_ptr_array_index (self->participants, i);
          const EmsElementScore *es;

          if (e >= participant->scores->n_elements)
            continue;
          es = &participant->scores->elements[e];
          st->n_bands[es->band]++;
          if (!es->has_score)
            {
              st->n_null++;
              continue;
            }
          values[n++] = es->score;
          sum += es->score;
        }

      st->n_scored = n;
      st->has_stats = n > 0;
      if (n == 0)
        {
          st->mean = st->median = st->min = st->max = st->stddev = st->range = NAN;
          continue;
        }

      qsort (values, n, sizeof (double), compare_doubles);
      st->mean = sum / n;
      st->min = values[0];
      st->max = values[n - 1];
      st->range = st->max - st->min;
      st->median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;

      for (guint i = 0; i < n; i++)
        squares += (values[i] - st->mean) * (values[i] - st->mean);
      st->stddev = sqrt (squares / n);
    }
}

const EmsElementStats *
ems_comparison_get_element_stats (EmsComparison *self,
                                  guint          number)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= self->n_elements, NULL);

  if (self->stats == NULL)
    compute_stats (self);

  return &self->stats[number - 1];
}

static int
compare_disagreement (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  EmsComparison *self = user_data;
  const EmsElementStats *x = &self->stats[*(const guint *) a - 1];
  const EmsElementStats *y = &self->stats[*(const guint *) b - 1];
  double sx = x->has_stats ? x->stddev : -1.0;
  double sy = y->has_stats ? y->stddev : -1.0;

  if (sx != sy)
    return sx > sy ? -1 : 1;

  return (int) x->number - (int) y->number;
}

static int
compare_weakest (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  EmsComparison *self = user_data;
  const EmsElementStats *x = &self->stats[*(const guint *) a - 1];
  const EmsElementStats *y = &self->stats[*(const guint *) b - 1];
  double mx = x->has_stats ? x->mean : G_MAXDOUBLE;
  double my = y->has_stats ? y->mean : G_MAXDOUBLE;

  if (mx != my)
    return mx < my ? -1 : 1;

  return (int) x->number - (int) y->number;
}

static GArray *
ranked (EmsComparison    *self,
        GCompareDataFunc  compare)
{
  GArray *numbers = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_elements);

  if (self->stats == NULL)
    compute_stats (self);

  for (guint e = 1; e <= self->n_elements; e++)
    g_array_append_val (numbers, e);

  g_array_sort_with_data (numbers, compare, self);

  return numbers;
}

GArray *
ems_comparison_rank_disagreement (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  return ranked (self, compare_disagreement);
}

GArray *
ems_comparison_rank_weakest (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  return ranked (self, compare_weakest);
}

static int
compare_zero_counts (gconstpointer a,
                     gconstpointer b)
{
  const EmsZeroCount *x = a, *y = b;

  if (x->n_zero != y->n_zero)
    return x->n_zero > y->n_zero ? -1 : 1;

  return (int) x->question->index - (int) y->question->index;
}

GArray *
ems_comparison_most_zero (EmsComparison *self,
                          guint          max)
{
  EmsChecklist *checklist = ems_checklist_get_default ();
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (EmsZeroCount));

  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);

  for (guint q = 0; q < ems_checklist_get_n_questions (checklist); q++)
    {
      EmsZeroCount count = { ems_checklist_get_question (checklist, q), 0, 0 };

      for (guint i = 0; i < self->participants->len; i++)
        {
          Participant *participant = g_ptr_array_index (self->participants, i);
          const EmsAnswer *answer = ems_assessment_get_answer (participant->assessment, count.question->id);

          if (answer == NULL || answer->state != EMS_ANSWER_LEVEL)
            continue;
          count.n_answered++;
          if (answer->level == 0)
            count.n_zero++;
        }

      if (count.n_zero > 0)
        g_array_append_val (counts, count);
    }

  g_array_sort (counts, compare_zero_counts);
  if (max > 0 && counts->len > max)
    g_array_set_size (counts, max);

  return counts;
}

static char *
identity_key (EmsAssessment *assessment)
{
  g_autofree char *name = g_utf8_casefold (ems_assessment_get_name (assessment) ? ems_assessment_get_name (assessment) : "", -1);
  g_autofree char *site = g_utf8_casefold (ems_assessment_get_site (assessment) ? ems_assessment_get_site (assessment) : "", -1);

  return g_strconcat (g_strstrip (name), "\n", g_strstrip (site), NULL);
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  EmsComparison *self = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const char *da = ems_assessment_get_assessed_on (ems_comparison_get_assessment (self, ia));
  const char *db = ems_assessment_get_assessed_on (ems_comparison_get_assessment (self, ib));
  int cmp;

  /* ISO dates sort as text; undated ones first */
  cmp = g_strcmp0 (da, db);
  if (cmp != 0)
    return cmp;

  return (int) ia - (int) ib;
}

GPtrArray *
ems_comparison_follow_ups (EmsComparison *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_follow_up_free);

  g_return_val_if_fail (EMS_IS_COMPARISON (self), result);

  for (guint i = 0; i < self->participants->len; i++)
    {
      Participant *participant = g_ptr_array_index (self->participants, i);
      char *key;
      GArray *members;

      if (ems_assessment_get_name (participant->assessment) == NULL)
        continue;

      key = identity_key (participant->assessment);
      members = g_hash_table_lookup (groups, key);
      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, key, members);
          g_ptr_array_add (order, members);
        }
      else
        g_free (key);

      g_array_append_val (members, i);
    }

  for (guint g = 0; g < order->len; g++)
    {
      GArray *members = g_ptr_array_index (order, g);
      EmsFollowUp *follow_up;
      EmsAssessment *first;

      if (members->len < 2)
        continue;

      g_array_sort_with_data (members, compare_by_date, self);
      first = ems_comparison_get_assessment (self, g_array_index (members, guint, 0));

      follow_up = g_new0 (EmsFollowUp, 1);
      if (self->anonymise)
        /* the label of its first assessment; no site, which could tell */
        follow_up->name = ems_participant_label (g_array_index (members, guint, 0));
      else
        {
          follow_up->name = g_strdup (ems_assessment_get_name (first));
          follow_up->site = g_strdup (ems_assessment_get_site (first));
        }
      follow_up->n = members->len;
      follow_up->participants = g_memdup2 (members->data, sizeof (guint) * members->len);
      g_ptr_array_add (result, follow_up);
    }

  return result;
}

gboolean
ems_comparison_get_delta (EmsComparison     *self,
                          const EmsFollowUp *follow_up,
                          guint              number,
                          double            *delta)
{
  const EmsScores *first, *last;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (follow_up != NULL && follow_up->n >= 2, FALSE);
  g_return_val_if_fail (number >= 1, FALSE);

  first = ems_comparison_get_scores (self, follow_up->participants[0]);
  last = ems_comparison_get_scores (self, follow_up->participants[follow_up->n - 1]);

  if (number > first->n_elements || number > last->n_elements ||
      !first->elements[number - 1].has_score || !last->elements[number - 1].has_score)
    return FALSE;

  *delta = last->elements[number - 1].score - first->elements[number - 1].score;

  return TRUE;
}
