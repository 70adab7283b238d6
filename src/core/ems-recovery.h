/* ems-recovery.h: recovery files left by a process that did not exit
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
} EmsRecoveryItem;

/* EMS_RECOVERY_DIR, or $XDG_DATA_HOME/ten-elements/recovery */
GFile     *ems_recovery_get_dir        (void);
GFile     *ems_recovery_get_data_file  (const char      *id);
GFile     *ems_recovery_get_info_file  (const char      *id);
/* Recovery files whose process is gone, newest first. */
GPtrArray *ems_recovery_list_orphans   (void);
void       ems_recovery_item_delete    (EmsRecoveryItem *item);
void       ems_recovery_item_free      (EmsRecoveryItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsRecoveryItem, ems_recovery_item_free)

G_END_DECLS
