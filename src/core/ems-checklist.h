/* ems-checklist.h: the checklist (framework) loaded from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Answer levels 0..4; EMS_LEVEL_NA indexes the "not applicable" label. */
#define EMS_LEVEL_MAX 4
#define EMS_LEVEL_NA  5
#define EMS_N_LEVELS  6

/* How much work a next step takes, as the checklist data rates it */
typedef enum
{
  EMS_EFFORT_LOW,
  EMS_EFFORT_MEDIUM,
  EMS_EFFORT_HIGH,
} EmsEffort;

/* The two next steps of a question: START for an answer at level 0 or 1,
 * IMPROVE at level 2 or 3 (none at level 4 or N/A). */
typedef enum
{
  EMS_STEP_START,
  EMS_STEP_IMPROVE,
} EmsStepKind;

#define EMS_N_STEP_KINDS 2

typedef struct
{
  char      *text;        /* translated; NULL when the data has no such step */
  EmsEffort  effort;
} EmsNextStep;

typedef struct
{
  char     *id;           /* "E.N", stable across checklist versions */
  guint     element;      /* 1-based element number */
  guint     index;        /* 0-based position in the whole checklist */
  char     *text;         /* translated */
  char     *help;         /* translated */
  guint     weight;       /* 1..3 */
  gboolean  critical;
  char    **iso_clauses;  /* ISO 14001:2015 clause numbers */
  char    **epa_elements; /* US EPA CFEMS element numbers */
  EmsNextStep next_steps[EMS_N_STEP_KINDS]; /* indexed by EmsStepKind */
} EmsQuestion;

typedef struct
{
  guint         number;   /* 1-based */
  char         *title;    /* translated */
  char         *why;      /* translated */
  guint         n_questions;
  EmsQuestion **questions;
  char         *short_title; /* translated one or two words for chart axes;
                              * NULL when the data gives none: see
                              * ems_element_get_short_title() */
} EmsElement;

#define EMS_TYPE_CHECKLIST (ems_checklist_get_type ())

G_DECLARE_FINAL_TYPE (EmsChecklist, ems_checklist, EMS, CHECKLIST, GObject)

EmsChecklist       *ems_checklist_get_default         (void);
/* The bundled checklist's XML (data/checklist.xml, compiled in) */
GBytes             *ems_checklist_dup_bundled_data    (void);
EmsChecklist       *ems_checklist_new_from_bytes      (GBytes        *bytes,
                                                       GError       **error);
const char         *ems_checklist_get_id              (EmsChecklist  *self);
guint               ems_checklist_get_version         (EmsChecklist  *self);
guint               ems_checklist_get_n_elements      (EmsChecklist  *self);
const EmsElement   *ems_checklist_get_element         (EmsChecklist  *self,
                                                       guint          number);
guint               ems_checklist_get_n_questions     (EmsChecklist  *self);
const EmsQuestion  *ems_checklist_get_question        (EmsChecklist  *self,
                                                       guint          index);
const EmsQuestion  *ems_checklist_lookup_question     (EmsChecklist  *self,
                                                       const char    *id);
const char         *ems_checklist_get_level_label     (EmsChecklist  *self,
                                                       guint          level);
const char         *ems_checklist_get_level_meaning   (EmsChecklist  *self,
                                                       guint          level);
/* The translated short title of an ISO 14001:2015 clause ("6.1.3"), or
 * NULL when the checklist data gives none. */
const char         *ems_checklist_get_iso_clause_title (EmsChecklist  *self,
                                                       const char    *clause);

/* Next steps. A level of 0 or 1 takes the START step, 2 or 3 IMPROVE;
 * FALSE at level 4 (and above), which has no next step. */
gboolean            ems_step_kind_for_level           (guint          level,
                                                       EmsStepKind   *kind);
/* "start" or "improve" */
const char         *ems_step_kind_to_string           (EmsStepKind    kind);
/* The step to show for an answer at @level, or NULL at level 4 and when
 * the question has no text for that step. */
const EmsNextStep  *ems_question_get_next_step        (const EmsQuestion *question,
                                                       guint          level);
/* The element's short name for chart axes, or its title when the data
 * gives no short name */
const char         *ems_element_get_short_title       (const EmsElement *element);

/* "low", "medium" or "high" */
const char         *ems_effort_to_string              (EmsEffort      effort);
gboolean            ems_effort_from_string            (const char    *str,
                                                       EmsEffort     *effort);
/* The translated word for display ("Low", "Medium", "High") */
const char         *ems_effort_to_label               (EmsEffort      effort);

G_END_DECLS
