/* ems-cli.h: the headless command line (core + export, never GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line */
#define EMS_EXIT_OK       0
#define EMS_EXIT_INVALID  1
#define EMS_EXIT_USAGE    2

/* Parses the command line. When it names a headless option, runs it and
 * returns its exit status (>= 0) without touching the display. Otherwise
 * returns -1 and leaves in argc and argv the program name followed by the
 * files to open in the window. */
int ems_cli_run (int    *argc,
                 char ***argv);

/* A private library or module of the program: beside the executable in the
 * build tree, else where it is installed (EMS_PRIVATE_LIBRARY_DIR
 * overrides both). */
char *ems_cli_find_private_library (const char *name);

G_END_DECLS
