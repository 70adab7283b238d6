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
} EmsQuestion;

typedef struct
{
  guint         number;   /* 1-based */
  char         *title;    /* translated */
  char         *why;      /* translated */
  guint         n_questions;
  EmsQuestion **questions;
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

G_END_DECLS
