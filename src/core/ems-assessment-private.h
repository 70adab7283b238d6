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
};

void    ems_extra_member_free   (EmsExtraMember *member);

/* Every question id with an entry (or only those the checklist does not
 * know), checklist order first, unknown ids last */
char  **ems_assessment_dup_ids  (EmsAssessment  *self,
                                 gboolean        unknown_only);

G_END_DECLS
