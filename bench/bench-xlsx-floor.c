/* bench-xlsx-floor.c: the floor for bench-xlsx.py
 *
 * A process that links libxlsxwriter and nothing else and writes a
 * workbook the size and shape of `ten-elements --export`: six sheets,
 * 51 answer rows of 16 columns with wrapped text and two formula columns,
 * a Summary table with formulas, a radar and a bar chart, a "Where to
 * start" list of 18 steps, an ISO 14001 table of 26 clauses with three
 * formulas each, document properties. bench-xlsx.py
 * times it as a whole process next to the real export: what is left
 * between the two is Ten Elements' own work (reading the assessment and
 * checklist, scoring, GLib and GIO start-up).
 *
 * usage: bench-xlsx-floor OUT.xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#define N_ELEMENTS 10
#define N_QUESTIONS 51

static const char *text =
  "Have you worked out which of your activities, products and services "
  "have the largest effects on the environment, and do you keep the list "
  "up to date when something changes?";

int
main (int   argc,
      char *argv[])
{
  lxw_workbook *workbook;
  lxw_worksheet *summary, *answers, *actions, *start, *iso, *method;
  lxw_format *bold, *wrap, *percent;
  lxw_chart *radar, *bar;
  lxw_chart_series *series;
  lxw_doc_properties properties = {
    .title = "Environmental management self-assessment",
    .subject = "Ten Elements",
    .author = "A. Assessor",
    .company = "Northshore Metal Finishing Inc.",
    .keywords = "EMS, self-assessment",
  };
  char formula[256];

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUT.xlsx\n", argv[0]);
      return 2;
    }

  workbook = workbook_new (argv[1]);
  summary = workbook_add_worksheet (workbook, "Summary");
  answers = workbook_add_worksheet (workbook, "Answers");
  actions = workbook_add_worksheet (workbook, "Actions");
  start = workbook_add_worksheet (workbook, "Where to start");
  iso = workbook_add_worksheet (workbook, "ISO 14001");
  method = workbook_add_worksheet (workbook, "Method");
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  percent = workbook_add_format (workbook);
  format_set_num_format (percent, "0.0");

  /* Answers: 51 rows, frozen header, autofilter, a level drop-down */
  for (lxw_col_t c = 0; c < 16; c++)
    worksheet_write_string (answers, 0, c, "Heading", bold);
  for (lxw_row_t r = 1; r <= N_QUESTIONS; r++)
    {
      worksheet_write_number (answers, r, 0, 1 + r / 6, NULL);
      worksheet_write_string (answers, r, 1, "Objectives and Targets", wrap);
      worksheet_write_string (answers, r, 2, "3.1", NULL);
      worksheet_write_string (answers, r, 3, text, wrap);
      worksheet_write_number (answers, r, 4, r % 5, NULL);
      snprintf (formula, sizeof formula,
                "=IF(ISNUMBER(E%u),INDEX(Method!$B$4:$B$8,E%u+1),\"\")", r + 1, r + 1);
      worksheet_write_formula (answers, r, 5, formula, wrap);
      worksheet_write_string (answers, r, 6, "No", NULL);
      worksheet_write_string (answers, r, 8, "Aspects table covers plating lines, wastewater, air, chemicals and energy", wrap);
      worksheet_write_string (answers, r, 9, "Aspects and impacts table, 2025 edition.", wrap);
      worksheet_write_number (answers, r, 10, 1, NULL);
      worksheet_write_string (answers, r, 11, r % 6 == 0 ? "Yes" : "No", NULL);
      worksheet_write_string (answers, r, 12, "6.1.2", NULL);
      worksheet_write_string (answers, r, 13, "Planning", NULL);
      snprintf (formula, sizeof formula, "=IF(ISNUMBER(E%u),K%u*E%u,\"\")", r + 1, r + 1, r + 1);
      worksheet_write_formula_num (answers, r, 14, formula, NULL, 2);
      snprintf (formula, sizeof formula, "=IF(ISNUMBER(E%u),4*K%u,\"\")", r + 1, r + 1);
      worksheet_write_formula_num (answers, r, 15, formula, NULL, 4);
      worksheet_set_row (answers, r, 60, NULL);
    }
  worksheet_freeze_panes (answers, 1, 0);
  worksheet_autofilter (answers, 0, 0, N_QUESTIONS, 15);
  {
    const char *levels[] = { "0", "1", "2", "3", "4", "N/A", NULL };
    lxw_data_validation validation = {
      .validate = LXW_VALIDATION_TYPE_LIST,
      .value_list = (char **) levels,
    };
    worksheet_data_validation_range (answers, 1, 4, N_QUESTIONS, 4, &validation);
  }

  /* Summary: the ten elements with formulas over Answers */
  worksheet_write_string (summary, 0, 0, "Northshore Metal Finishing Inc.", bold);
  for (lxw_row_t r = 0; r < N_ELEMENTS; r++)
    {
      worksheet_write_number (summary, 10 + r, 0, r + 1, NULL);
      worksheet_write_string (summary, 10 + r, 1, "Objectives and Targets", NULL);
      snprintf (formula, sizeof formula,
                "=IFERROR(100*SUMPRODUCT((Answers!$A$2:$A$52=%u)*ISNUMBER(Answers!$E$2:$E$52),"
                "Answers!$E$2:$E$52,Answers!$K$2:$K$52)/(4*SUMPRODUCT((Answers!$A$2:$A$52=%u)"
                "*ISNUMBER(Answers!$E$2:$E$52),Answers!$K$2:$K$52)),\"\")", r + 1, r + 1);
      worksheet_write_formula_num (summary, 10 + r, 2, formula, percent, 68.9);
      worksheet_write_number (summary, 10 + r, 3, 75, percent);
      snprintf (formula, sizeof formula, "=IF(ISNUMBER(C%u),D%u-C%u,\"\")", 11 + r, 11 + r, 11 + r);
      worksheet_write_formula_num (summary, 10 + r, 4, formula, percent, 6.1);
      worksheet_write_string (summary, 10 + r, 5, "Amber", NULL);
    }

  radar = workbook_add_chart (workbook, LXW_CHART_RADAR);
  series = chart_add_series (radar, "=Summary!$B$11:$B$20", "=Summary!$C$11:$C$20");
  chart_series_set_name (series, "Score");
  series = chart_add_series (radar, "=Summary!$B$11:$B$20", "=Summary!$D$11:$D$20");
  chart_series_set_name (series, "Target");
  worksheet_insert_chart (summary, 1, 8, radar);
  bar = workbook_add_chart (workbook, LXW_CHART_BAR);
  series = chart_add_series (bar, "=Summary!$B$11:$B$20", "=Summary!$E$11:$E$20");
  chart_series_set_name (series, "Gap");
  worksheet_insert_chart (summary, 22, 8, bar);

  /* Actions and Method */
  for (lxw_row_t r = 0; r < 8; r++)
    {
      worksheet_write_string (actions, r, 0, "Update the aspects register after the new line", wrap);
      worksheet_write_string (actions, r, 1, "Plant manager", NULL);
      worksheet_write_string (actions, r, 2, "Open", NULL);
    }
  for (lxw_row_t r = 0; r < 24; r++)
    worksheet_write_string (method, r, 0, text, wrap);

  /* Where to start and ISO 14001 */
  for (lxw_row_t r = 2; r < 20; r++)
    {
      worksheet_write_number (start, r, 0, r - 1, NULL);
      worksheet_write_string (start, r, 1, "Objectives and Targets", wrap);
      worksheet_write_string (start, r, 2, "3.1", NULL);
      worksheet_write_string (start, r, 3, text, wrap);
      worksheet_write_number (start, r, 4, 1, NULL);
      worksheet_write_number (start, r, 5, 3, NULL);
      worksheet_write_string (start, r, 6, text, wrap);
      worksheet_write_string (start, r, 7, "Medium", NULL);
    }
  for (lxw_row_t r = 4; r < 30; r++)
    {
      worksheet_write_string (iso, r, 0, "6.1.2", NULL);
      worksheet_write_string (iso, r, 1, "Environmental aspects", wrap);
      snprintf (formula, sizeof formula,
                "=IF(SUM('Answers'!$P$%u:$P$%u)=0,\"\",100*SUM('Answers'!$O$%u:$O$%u)/SUM('Answers'!$P$%u:$P$%u))",
                r, r + 1, r, r + 1, r, r + 1);
      worksheet_write_formula_num (iso, r, 2, formula, percent, 62.5);
      snprintf (formula, sizeof formula,
                "=IF(ISNUMBER(C%u),IF(C%u<40,\"Red\",IF(C%u<70,\"Amber\",\"Green\")),\"\")",
                r + 1, r + 1, r + 1);
      worksheet_write_formula_str (iso, r, 3, formula, NULL, "Amber");
      worksheet_write_number (iso, r, 4, 2, NULL);
      snprintf (formula, sizeof formula, "=COUNT('Answers'!$E$%u:$E$%u)", r, r + 1);
      worksheet_write_formula_num (iso, r, 5, formula, NULL, 2);
    }

  workbook_set_properties (workbook, &properties);
  workbook_set_custom_property_string (workbook, "Checklist", "cec-10-elements");

  return workbook_close (workbook) == LXW_NO_ERROR ? 0 : 1;
}
