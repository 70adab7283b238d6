/* fuzz-checklist-xml.c: libFuzzer harness for the checklist and the
 * indicator set parsers
 *
 * Both read only data compiled into the program today, so CI does not run
 * this harness for long; it is here so that a change to either parser, or
 * a day when a checklist comes from a file, starts from a tested parser.
 * The first byte picks the parser; the rest is the XML.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ems-checklist.h"
#include "ems-indicators.h"
#include "fuzz-common.h"

static void
use_checklist (EmsChecklist *checklist)
{
  guint n = ems_checklist_get_n_questions (checklist);

  for (guint i = 0; i < n; i++)
    {
      const EmsQuestion *question = ems_checklist_get_question (checklist, i);

      g_assert_true (ems_checklist_lookup_question (checklist, question->id) != NULL);
    }
  for (guint e = 1; e <= ems_checklist_get_n_elements (checklist); e++)
    g_assert_nonnull (ems_checklist_get_element (checklist, e));
}

static void
use_indicators (EmsIndicatorSet *set)
{
  guint n = ems_indicator_set_get_n_indicators (set);

  for (guint i = 0; i < n; i++)
    {
      const EmsIndicator *indicator = ems_indicator_set_get_indicator (set, i);

      g_assert_true (ems_indicator_set_lookup (set, indicator->id) == indicator);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;

  bytes = g_bytes_new (data + 1, size - 1);

  if (data[0] & 1)
    {
      g_autoptr(EmsIndicatorSet) set = ems_indicator_set_new_from_bytes (bytes, &error);

      g_assert_true ((set == NULL) == (error != NULL));
      if (set != NULL)
        use_indicators (set);
    }
  else
    {
      g_autoptr(EmsChecklist) checklist = ems_checklist_new_from_bytes (bytes, &error);

      g_assert_true ((checklist == NULL) == (error != NULL));
      if (checklist != NULL)
        use_checklist (checklist);
    }

  return 0;
}
