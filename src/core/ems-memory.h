/* ems-memory.h: heap set-up for short bursts of allocation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ems_memory_prefault_heap  (gsize bytes);
void ems_memory_reset_heap_pad (void);

G_END_DECLS
