/* fuzz-common.h: what every harness in tests/fuzz shares
 *
 * Each harness defines LLVMFuzzerTestOneInput (). Built with
 * -Dfuzzing=true it links libFuzzer's main; otherwise fuzz-main.c runs it
 * once over each file of its seed corpus, as an ordinary test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stddef.h>

int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);
int  LLVMFuzzerInitialize   (int           *argc,
                             char        ***argv);

/* Criticals (a g_return_if_fail () that a file can reach) and warnings
 * (errors a user causes travel as GError, never g_warning) are bugs: make
 * them abort, so that the fuzzer reports them as crashes. */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
