/* ems-memory.c: heap set-up for short bursts of allocation
 *
 * Opening the window and exporting a workbook both allocate a few
 * megabytes of new heap at once. The kernel maps each new 4 KiB page on
 * its first touch, one page fault each. On a virtual machine a fault costs
 * 10-15 µs (13 µs measured on the two-core VM the benchmarks run on): the
 * 1,800 heap pages the window touches before its first frame took 25 ms,
 * the export's 250 pages 3 ms.
 *
 * ems_memory_prefault_heap() takes one block of the given size from the
 * heap, maps its pages with one madvise (MADV_POPULATE_WRITE, Linux 5.14),
 * about a quarter of the cost of faulting them in, and frees it: the
 * allocations that follow find the pages mapped, and a matching top pad
 * keeps them in the heap. Without glibc or that advice nothing changes but
 * the pad.
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

/* glibc's defaults */
#define DEFAULT_TOP_PAD (128 * 1024)
#define DEFAULT_MMAP_THRESHOLD (128 * 1024)

/**
 * ems_memory_prefault_heap:
 * @bytes: how much heap to make ready
 *
 * Grows the heap by @bytes with its pages mapped, and keeps that much free
 * heap from then on (the top pad) until ems_memory_reset_heap_pad().
 */
void
ems_memory_prefault_heap (gsize bytes)
{
#ifdef __GLIBC__
  void *block;

  /* One block from the heap, not from mmap, whatever its size */
  mallopt (M_TOP_PAD, bytes);
  mallopt (M_MMAP_THRESHOLD, bytes + DEFAULT_MMAP_THRESHOLD);
  block = malloc (bytes);
  mallopt (M_MMAP_THRESHOLD, DEFAULT_MMAP_THRESHOLD);
  if (block == NULL)
    return;

#ifdef MADV_POPULATE_WRITE
  {
    guintptr page = sysconf (_SC_PAGESIZE);
    guintptr start = ((guintptr) block + page - 1) & ~(page - 1);
    guintptr end = ((guintptr) block + bytes) & ~(page - 1);

    /* An older kernel refuses: the pages fault in as they are used */
    if (end > start)
      madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
  }
#endif

  free (block);
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
