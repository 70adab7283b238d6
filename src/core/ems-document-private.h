/* ems-document-private.h: the parts of EmsDocument shared by its files:
 * ems-document.c (file, saving, properties), ems-document-undo.c (the undo
 * stack and the saved point) and ems-document-autosave.c (recovery)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ems-document.h"

G_BEGIN_DECLS

/* The serial of no state at all: the saved point when the file on disk
 * matches nothing in the undo stack (a restored recovery, a failed save) */
#define EMS_SERIAL_UNREACHABLE G_MAXUINT64

struct _EmsDocument
{
  GObject        parent_instance;

  EmsAssessment *assessment;
  GFile         *file;
  char          *etag;            /* of the file when read or last written */
  gboolean       modified;

  /* Undo (ems-document-undo.c) */
  GHashTable    *shadow_answers;  /* id -> EmsAnswer */
  GHashTable    *shadow_values;   /* property name -> GValue */
  GPtrArray     *shadow_actions;  /* ActionShadow, in the plan's order */
  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
  gboolean       applying;
  guint          group_depth;     /* ems_document_begin_group() nesting */
  guint          group_start;     /* undo stack length when the group began */
  guint64        next_serial;
  guint64        saved_serial;    /* top of the undo stack when saved; 0: empty */
  gboolean       recorded;        /* an entry recorded the change under way */
  gboolean       maybe_untracked; /* a change no entry may have recorded */
  guint64        n_untracked;

  guint64        change_count;

  /* Recovery (ems-document-autosave.c) */
  char          *recovery_id;
  int            lock_fd;         /* holds ID.lock; -1 until the first autosave */
  int            pending_lock_fd; /* of a discarded id whose autosave is in flight */
  gboolean       recovery_written;
  guint          autosave_id;
  guint          autosave_msec;
  gboolean       autosave_in_flight;
  gboolean       autosave_again;
  guint          n_autosaves;
};

void     ems_document_emit_undo_state     (EmsDocument *self,
                                           gboolean     could_undo,
                                           gboolean     could_redo);
/* Sets modified from the saved point */
void     ems_document_update_modified     (EmsDocument *self);
void     ems_document_changed             (EmsDocument *self);

void     ems_document_undo_init           (EmsDocument *self);
void     ems_document_undo_connect        (EmsDocument *self);
void     ems_document_undo_disconnect     (EmsDocument *self);
void     ems_document_undo_finalize       (EmsDocument *self);
/* The serial of the top of the undo stack (0 when empty); no later edit is
 * merged into that entry. */
guint64  ems_document_undo_seal           (EmsDocument *self);
guint64  ems_document_undo_top_serial     (EmsDocument *self);

void     ems_document_autosave_init       (EmsDocument *self);
void     ems_document_schedule_autosave   (EmsDocument *self);
void     ems_document_autosave_dispose    (EmsDocument *self);
void     ems_document_autosave_finalize   (EmsDocument *self);
void     ems_document_take_recovery       (EmsDocument *self,
                                           const char  *recovery_id,
                                           int          lock_fd);

G_END_DECLS
