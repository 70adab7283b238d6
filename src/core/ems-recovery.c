/* ems-recovery.c: recovery files left by a process that did not exit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-recovery"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ems-recovery.h"

GFile *
ems_recovery_get_dir (void)
{
  const char *dir = g_getenv ("EMS_RECOVERY_DIR");

  if (dir != NULL && *dir != '\0')
    return g_file_new_for_path (dir);

  return g_file_new_build_filename (g_get_user_data_dir (),
                                    GETTEXT_PACKAGE, "recovery", NULL);
}

static GFile *
child_with_suffix (const char *id,
                   const char *suffix)
{
  g_autoptr(GFile) dir = ems_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (dir, name);
}

GFile *
ems_recovery_get_data_file (const char *id)
{
  return child_with_suffix (id, ".emsa");
}

GFile *
ems_recovery_get_info_file (const char *id)
{
  return child_with_suffix (id, ".info");
}

static gboolean
process_is_alive (gint64 pid)
{
  if (pid <= 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

void
ems_recovery_item_free (EmsRecoveryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_clear_object (&item->data_file);
  g_clear_object (&item->info_file);
  g_clear_object (&item->original);
  g_free (item->name);
  g_free (item);
}

void
ems_recovery_item_delete (EmsRecoveryItem *item)
{
  g_return_if_fail (item != NULL);

  g_file_delete (item->data_file, NULL, NULL);
  g_file_delete (item->info_file, NULL, NULL);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const EmsRecoveryItem *ia = *(EmsRecoveryItem * const *) a;
  const EmsRecoveryItem *ib = *(EmsRecoveryItem * const *) b;

  return (ib->saved_time > ia->saved_time) - (ib->saved_time < ia->saved_time);
}

GPtrArray *
ems_recovery_list_orphans (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ems_recovery_item_free);
  g_autoptr(GFile) dir = ems_recovery_get_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (path == NULL || !(gdir = g_dir_open (path, 0, NULL)))
    return g_steal_pointer (&items);

  while ((name = g_dir_read_name (gdir)))
    {
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autoptr(EmsRecoveryItem) item = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *uri = NULL;

      if (!g_str_has_suffix (name, ".info"))
        continue;

      info_path = g_build_filename (path, name, NULL);
      if (!g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL))
        continue;
      if (process_is_alive (g_key_file_get_int64 (keyfile, "Recovery", "Pid", NULL)))
        continue;

      item = g_new0 (EmsRecoveryItem, 1);
      item->id = g_strndup (name, strlen (name) - strlen (".info"));
      item->data_file = ems_recovery_get_data_file (item->id);
      item->info_file = g_file_new_for_path (info_path);
      uri = g_key_file_get_string (keyfile, "Recovery", "Uri", NULL);
      if (uri != NULL && *uri != '\0')
        item->original = g_file_new_for_uri (uri);
      item->name = g_key_file_get_string (keyfile, "Recovery", "Name", NULL);
      item->saved_time = g_key_file_get_int64 (keyfile, "Recovery", "Time", NULL);

      if (!g_file_query_exists (item->data_file, NULL))
        {
          /* An autosave that never completed: nothing to restore. */
          g_file_delete (item->info_file, NULL, NULL);
          continue;
        }

      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_ptr_array_sort (items, compare_items);

  return g_steal_pointer (&items);
}
