/* ems-memory.c: heap set-up for short bursts of allocation
 *
 * Opening the window and exporting a workbook both allocate a few
 * megabytes of new heap at once. The kernel maps each new 4 KiB page on
 * its first touch, one page fault each. On a virtual machine a fault costs
 * 10-15 µs (13 µs measured on the two-core VM the benchmarks run on): the
 * 1,800 heap pages the window touches before its first frame took 25 ms,
 * the export's 250 pages 3 ms.
 *
 * ems_memory_prefault_heap() grows the heap by the given size and maps the
 * pages in one madvise (MADV_POPULATE_WRITE, Linux 5.14), about a quarter
 * of the cost, then frees them; a matching top pad keeps them in the heap
 * for the allocations that follow. Without glibc or that advice nothing
 * changes but the pad.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#endif

#include "ems-memory.h"

/* Below glibc's mmap threshold (128 KiB): these come from the heap, one
 * after the other */
#define CHUNK_SIZE (64 * 1024 - 64)

/* glibc's default top pad */
#define DEFAULT_TOP_PAD (128 * 1024)

/**
 * ems_memory_prefault_heap:
 * @bytes: how much heap to make ready
 *
 * Grows the heap by about @bytes with its pages already mapped, and keeps
 * that much free heap from then on (the top pad) until
 * ems_memory_reset_heap_pad().
 */
void
ems_memory_prefault_heap (gsize bytes)
{
#ifdef __GLIBC__
  guint n_chunks = (bytes + CHUNK_SIZE - 1) / CHUNK_SIZE;
  g_autofree void **chunks = g_new0 (void *, n_chunks);
  guintptr page = sysconf (_SC_PAGESIZE);

  mallopt (M_TOP_PAD, bytes);

#ifdef MADV_POPULATE_WRITE
  for (guint i = 0; i < n_chunks; i++)
    {
      guintptr start, end;

      chunks[i] = malloc (CHUNK_SIZE);
      if (chunks[i] == NULL)
        break;
      start = ((guintptr) chunks[i] + page - 1) & ~(page - 1);
      end = ((guintptr) chunks[i] + CHUNK_SIZE) & ~(page - 1);
      if (end > start && madvise ((void *) start, end - start, MADV_POPULATE_WRITE) != 0)
        break;   /* an older kernel: the pages fault in as they are used */
    }
  for (guint i = n_chunks; i > 0; i--)
    free (chunks[i - 1]);
#endif
#endif
}

/**
 * ems_memory_reset_heap_pad:
 *
 * Back to glibc's default top pad: free heap above it goes back to the
 * system again.
 */
void
ems_memory_reset_heap_pad (void)
{
#ifdef __GLIBC__
  mallopt (M_TOP_PAD, DEFAULT_TOP_PAD);
#endif
}
