/* ems-recovery.h: recovery files, and those left by a process that did not
 * exit
 *
 * Each open document with unsaved changes keeps three files in the
 * recovery folder, named after a random id: ID.emsa (the answers), ID.info
 * (which file, when) and ID.lock, on which it holds a lock (flock) for as
 * long as it is open. The kernel drops that lock when the process ends,
 * however it ends, so an orphan is a recovery whose lock can be taken: no
 * process ids, which mean nothing across PID namespaces (flatpak) and are
 * reused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  GFile  *data_file;
  GFile  *info_file;
  GFile  *original;      /* NULL for an untitled assessment */
  char   *name;          /* the organisation name, or NULL */
  gint64  saved_time;    /* seconds since the epoch */
  char   *etag;          /* the original's etag when it was read, or NULL */
  int     lock_fd;       /* holds the lock while the item lives; -1: none */
} EmsRecoveryItem;

/* EMS_RECOVERY_DIR, or $XDG_DATA_HOME/ten-elements/recovery */
GFile     *ems_recovery_get_dir               (void);
GFile     *ems_recovery_get_data_file         (const char      *id);
GFile     *ems_recovery_get_info_file         (const char      *id);
GFile     *ems_recovery_get_lock_file         (const char      *id);

/* Opens ID.lock (creating it and the folder when @create) and takes its
 * lock without waiting. Returns the descriptor that holds it (close it to
 * let go), or -1: G_IO_ERROR_BUSY when another open file holds it.
 * Blocking I/O: call it from a thread. */
int        ems_recovery_lock                  (const char      *id,
                                               gboolean         create,
                                               GError         **error);

/* Recoveries whose lock is free, newest first; each item holds the lock,
 * so that no other process offers the same one. Blocking: the async
 * variant runs it in a thread. */
GPtrArray *ems_recovery_list_orphans          (void);
void       ems_recovery_list_orphans_async    (GCancellable    *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer         user_data);
GPtrArray *ems_recovery_list_orphans_finish   (GAsyncResult    *result,
                                               GError         **error);

/* Removes the three files of @id, then closes @lock_fd (when not -1), in a
 * thread. @callback may be NULL. */
void       ems_recovery_delete_async          (const char      *id,
                                               int              lock_fd,
                                               GAsyncReadyCallback callback,
                                               gpointer         user_data);
gboolean   ems_recovery_delete_finish         (GAsyncResult    *result,
                                               GError         **error);

/* The lock, handed over to the document that restores the item */
int        ems_recovery_item_steal_lock       (EmsRecoveryItem *item);
/* Removes the item's files (blocking), keeping the lock until done */
void       ems_recovery_item_delete           (EmsRecoveryItem *item);
/* The same in a thread; takes @item (transfer full) */
void       ems_recovery_item_delete_async     (EmsRecoveryItem *item,
                                               GAsyncReadyCallback callback,
                                               gpointer         user_data);
void       ems_recovery_item_free             (EmsRecoveryItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsRecoveryItem, ems_recovery_item_free)

G_END_DECLS
