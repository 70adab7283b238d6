/* ems-assessment-private.h: the assessment's fields, shared by the model
 * (ems-assessment.c) and the .emsa format (ems-emsa-reader.c,
 * ems-emsa-writer.c); nothing else includes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"

G_BEGIN_DECLS

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

  /* Outcome indicators, format version 2 (ems-assessment-indicators.c;
   * read and written by ems-emsa-indicators.c) */
  char          *period_from;
  char          *period_to;
  char          *output_kind;
  gboolean       has_output_value;
  double         output_value;
  char          *output_unit;
  char          *output_currency;
  GHashTable    *indicator_values;   /* id -> double*, NULL until one is set */
  GPtrArray     *extra_indicators;   /* EmsExtraMember: unknown members of "indicators" */
};

void    ems_extra_member_free   (EmsExtraMember *member);

/* Every question id with an entry (or only those the checklist does not
 * know), checklist order first, unknown ids last */
char  **ems_assessment_dup_ids  (EmsAssessment  *self,
                                 gboolean        unknown_only);

/* Frees the indicator fields (finalize) */
void    ems_assessment_clear_indicators      (EmsAssessment      *self);
/* Creates the "indicator-changed" signal (class_init) */
void    ems_assessment_class_init_indicators (EmsAssessmentClass *klass);

G_END_DECLS
