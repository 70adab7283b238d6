/* ems-import-changes.h: what importing one assessment (read from a
 * workbook) into another would change, and applying it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  EMS_CHANGE_ANSWER,     /* one question's answer */
  EMS_CHANGE_PROFILE,    /* one profile field */
} EmsChangeKind;

typedef enum
{
  EMS_CHANGE_FIELD_LEVEL    = 1 << 0,   /* the level or N/A */
  EMS_CHANGE_FIELD_NOTE     = 1 << 1,
  EMS_CHANGE_FIELD_EVIDENCE = 1 << 2,
  EMS_CHANGE_FIELD_REASON   = 1 << 3,   /* the N/A reason */
} EmsChangeFields;

typedef struct
{
  EmsChangeKind    kind;
  /* A question id, or an EmsAssessment property ("name", "site", "sector",
   * "employees", "country", "assessor", "assessed-on", "target-level") */
  char            *key;
  EmsChangeFields  fields;       /* EMS_CHANGE_ANSWER */
  EmsAnswer       *old_answer;   /* EMS_CHANGE_ANSWER; never NULL */
  EmsAnswer       *new_answer;
  GValue           old_value;    /* EMS_CHANGE_PROFILE */
  GValue           new_value;
} EmsImportChange;

typedef struct
{
  GPtrArray *changes;      /* EmsImportChange: the profile first, then the
                            * answers in checklist order */
  guint      n_answers;    /* answers whose level or N/A changes */
  guint      n_notes;      /* answers whose note, evidence or N/A reason changes */
  guint      n_profile;    /* profile fields that change */
} EmsImportChanges;

/* What importing @imported into @current changes. What the workbook left
 * blank keeps what @current has: an answer with no level and no text, an
 * empty note, an empty profile field (and a profile field equal to a new
 * assessment's default: no employees, target level 3). Answers to
 * questions @current's checklist does not know are left out. */
EmsImportChanges *ems_import_changes_new   (EmsAssessment    *current,
                                            EmsAssessment    *imported);
/* Makes every change in @target (normally @current) */
void              ems_import_changes_apply (EmsImportChanges *changes,
                                            EmsAssessment    *target);
gboolean          ems_import_changes_is_empty (EmsImportChanges *changes);
void              ems_import_changes_free  (EmsImportChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsImportChanges, ems_import_changes_free)

G_END_DECLS
