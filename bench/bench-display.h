/* bench-display.h: run a benchmark on a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With a display: returns -1 and the benchmark goes on. Without one, runs
 * the benchmark again under xvfb-run -a with an @screen ("WxHxD") X server
 * (and a private D-Bus session when @session_bus) and does not return, or
 * returns the exit status to give up with: 77 without xvfb-run, 1 when it
 * cannot be run. */
int bench_ensure_display (const char *argv0,
                          const char *screen,
                          gboolean    session_bus);

G_END_DECLS
