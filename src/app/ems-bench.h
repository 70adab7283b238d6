/* ems-bench.h: start-up milestones for bench/bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With EMS_BENCH_STARTUP set, prints "mark LABEL MONOTONIC_USEC" on stdout */
static inline void
ems_bench_mark (const char *label)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv ("EMS_BENCH_STARTUP") != NULL;
  if (enabled)
    g_print ("mark %s %" G_GINT64_FORMAT "\n", label, g_get_monotonic_time ());
}

G_END_DECLS
