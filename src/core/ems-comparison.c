/* ems-comparison.c: many assessments side by side: the participants,
 * their labels, anonymising and follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics are in ems-comparison-stats.c, loading in
 * ems-comparison-load.c.
 */
#define G_LOG_DOMAIN "ems-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ems-comparison-private.h"

G_DEFINE_FINAL_TYPE (EmsComparison, ems_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANONYMISE,
  PROP_N_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
participant_free (EmsParticipant *participant)
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
  ems_comparison_clear_stats (self);

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

void
ems_comparison_add_scored (EmsComparison *self,
                           EmsAssessment *assessment,
                           EmsScores     *scores,
                           const char    *source)
{
  EmsParticipant *participant = g_new0 (EmsParticipant, 1);

  participant->assessment = g_object_ref (assessment);
  participant->scores = scores;
  participant->source = g_strdup (source);
  g_ptr_array_add (self->participants, participant);

  self->n_elements = MAX (self->n_elements, scores->n_elements);
  ems_comparison_clear_stats (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PARTICIPANTS]);
}

/**
 * ems_comparison_add:
 * @source: (nullable): the file the assessment came from
 *
 * Adds a participant. Its scores are computed now: the comparison is a
 * snapshot of the assessments as they are. The comparison keeps a
 * reference to @assessment for its texts (names, questions answered 0):
 * give it one nobody edits, or a copy.
 */
void
ems_comparison_add (EmsComparison *self,
                    EmsAssessment *assessment,
                    const char    *source)
{
  g_return_if_fail (EMS_IS_COMPARISON (self));
  g_return_if_fail (EMS_IS_ASSESSMENT (assessment));

  ems_comparison_add_scored (self, assessment, ems_scores_compute (assessment), source);
}

guint
ems_comparison_get_n_participants (EmsComparison *self)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), 0);
  return self->participants->len;
}

static EmsParticipant *
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
  EmsParticipant *participant = get_participant (self, index);
  return participant != NULL ? participant->assessment : NULL;
}

const EmsScores *
ems_comparison_get_scores (EmsComparison *self,
                           guint          index)
{
  EmsParticipant *participant = get_participant (self, index);
  return participant != NULL ? participant->scores : NULL;
}

const char *
ems_comparison_get_source (EmsComparison *self,
                           guint          index)
{
  EmsParticipant *participant = get_participant (self, index);

  if (participant == NULL || self->anonymise)
    return NULL;

  return participant->source;
}

gboolean
ems_comparison_has_source (EmsComparison *self,
                           const char    *source)
{
  g_return_val_if_fail (EMS_IS_COMPARISON (self), FALSE);

  if (source == NULL)
    return FALSE;

  for (guint i = 0; i < self->participants->len; i++)
    if (g_strcmp0 (ems_comparison_participant (self, i)->source, source) == 0)
      return TRUE;

  return FALSE;
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
display_name (EmsParticipant *participant)
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
  EmsParticipant *participant = get_participant (self, index);
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
      EmsParticipant *other = ems_comparison_participant (self, i);

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
      EmsParticipant *participant = ems_comparison_participant (self, i);
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


char *
ems_follow_up_dup_title (const EmsFollowUp *follow_up)
{
  g_return_val_if_fail (follow_up != NULL, NULL);

  if (follow_up->site != NULL && follow_up->site[0] != '\0')
    /* Translators: an organisation assessed more than once: name, site */
    return g_strdup_printf (_("%s, %s"), follow_up->name, follow_up->site);

  return g_strdup (follow_up->name);
}

char *
ems_comparison_describe_follow_up (EmsComparison     *self,
                                   const EmsFollowUp *follow_up)
{
  EmsAssessment *first, *last;
  const char *from, *to;

  g_return_val_if_fail (EMS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (follow_up != NULL && follow_up->n >= 2, NULL);

  if (self->anonymise)
    /* Translators: number of assessments of one organisation; the dates
     * are left out when anonymised */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assessment", "%u assessments", follow_up->n),
                            follow_up->n);

  first = ems_comparison_get_assessment (self, follow_up->participants[0]);
  last = ems_comparison_get_assessment (self, follow_up->participants[follow_up->n - 1]);
  from = ems_assessment_get_assessed_on (first);
  to = ems_assessment_get_assessed_on (last);

  /* Translators: number of assessments of one organisation, first and last date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u assessment, from %s to %s",
                                       "%u assessments, from %s to %s",
                                       follow_up->n),
                          follow_up->n, from ? from : _("—"), to ? to : _("—"));
}
