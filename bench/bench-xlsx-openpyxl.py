# bench-xlsx-openpyxl.py: the reference for bench-xlsx.py
#
# Writes, with python3-openpyxl, a workbook equivalent to
# `ten-elements --export`: the same four sheets and rows, the Summary's
# formulas, data validations, frozen header, autofilter, properties and two
# charts (radar and bar).
#
# usage: bench-xlsx-openpyxl.py CHECKLIST.json FILE.emsa OUT.xlsx
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import hashlib
import json
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation


def main(checklist_path, source_path, out):
    with open(checklist_path, encoding="utf-8") as f:
        checklist = json.load(f)
    with open(source_path, "rb") as f:
        raw = f.read()
    data = json.loads(raw)
    answers = data.get("answers", {})
    elements = checklist["elements"]

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    ws = wb.create_sheet("Answers")
    actions = wb.create_sheet("Actions")
    method = wb.create_sheet("Method")
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="2E6B57")
    wrap = Alignment(wrap_text=True, vertical="top")

    # Answers
    heads = ["Element", "Element title", "Question", "Question text", "Level",
             "Level meaning", "N/A", "N/A reason", "Note", "Evidence", "Weight",
             "Critical", "ISO 14001 clauses", "EPA CFEMS elements"]
    ws.append(heads)
    for cell in ws[1]:
        cell.font, cell.fill = header_font, header_fill
    ranges = {}
    row = 2
    for e in elements:
        first = row
        for q in e["questions"]:
            a = answers.get(q["id"], {})
            level = "N/A" if a.get("not_applicable") else a.get("level")
            ws.append([e["number"], e["title"], q["id"], q["text"], level,
                       f'=IF(ISNUMBER(E{row}),INDEX(Method!$B$4:$B$8,E{row}+1),"")',
                       f'=IF(E{row}="N/A","Yes","")', a.get("reason"), a.get("note"),
                       a.get("evidence"), q["weight"], "Yes" if q["critical"] else "No",
                       "", ""])
            for col in "BDHIJ":
                ws[f"{col}{row}"].alignment = wrap
            row += 1
        ranges[e["number"]] = (first, row - 1)
    last = row - 1
    dv = DataValidation(type="list", formula1='"0,1,2,3,4,N/A"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"E2:E{last}")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:N{last}"
    for col, width in zip("ABCDEFGHIJKLMN", [8, 24, 8, 55, 8, 40, 6, 28, 40, 40, 8, 9, 14, 11]):
        ws.column_dimensions[col].width = width

    # Summary
    org = data.get("organisation", {})
    summary["A1"] = "Environmental management self-assessment"
    summary["A1"].font = Font(bold=True, size=16)
    for i, (label, value) in enumerate([
            ("Organisation", org.get("name")), ("Site", org.get("site")),
            ("Sector", org.get("sector")), ("Employees", org.get("employees")),
            ("Country", org.get("country")), ("Assessor", data.get("assessor")),
            ("Assessed on", data.get("assessed_on")),
            ("Target level (0–4)", data.get("target_level", 3))], start=4):
        summary[f"A{i}"] = label
        summary[f"C{i}"] = value
    summary["A12"], summary["C12"] = "Target score", "=25*C11"
    summary["A14"], summary["C14"] = "Overall score", '=IF(COUNT($C$20:$C$29)=0,"",AVERAGE($C$20:$C$29))'
    summary["A16"], summary["C16"] = "Coverage", f"=COUNTA(Answers!$E$2:$E${last})/ROWS(Answers!$E$2:$E${last})"
    for c, h in zip("ABCDEFGH", ["#", "Element", "Score (%)", "Target (%)", "Gap", "Band", "Coverage", "Red flag"]):
        summary[f"{c}19"] = h
        summary[f"{c}19"].font, summary[f"{c}19"].fill = header_font, header_fill
    for i, e in enumerate(elements):
        r = 20 + i
        a, b = ranges[e["number"]]
        lv, wt = f"Answers!$E${a}:$E${b}", f"Answers!$K${a}:$K${b}"
        summary[f"A{r}"], summary[f"B{r}"] = e["number"], e["title"]
        summary[f"C{r}"] = (f'=IF(SUMPRODUCT(ISNUMBER({lv})*{wt})=0,"",'
                            f'100*SUMPRODUCT({wt},{lv})/(4*SUMPRODUCT(ISNUMBER({lv})*{wt})))')
        summary[f"D{r}"] = "=$C$12"
        summary[f"E{r}"] = f'=IF(ISNUMBER(C{r}),MAX(0,D{r}-C{r}),"")'
        summary[f"F{r}"] = f'=IF(ISNUMBER(C{r}),IF(C{r}<40,"Red",IF(C{r}<70,"Amber","Green")),"")'
        summary[f"G{r}"] = f"=COUNTA({lv})/ROWS({lv})"
        summary[f"H{r}"] = f'=IF(SUMPRODUCT((Answers!$L${a}:$L${b}="Yes")*ISNUMBER({lv})*({lv}=0))>0,"Yes","")'
        for c in "CDEG":
            summary[f"{c}{r}"].number_format = "0.0"
    radar = RadarChart()
    radar.title = "Scores against target"
    radar.add_data(Reference(summary, min_col=3, min_row=19, max_col=4, max_row=29), titles_from_data=True)
    radar.set_categories(Reference(summary, min_col=1, min_row=20, max_row=29))
    summary.add_chart(radar, "J1")
    bars = BarChart()
    bars.type = "bar"
    bars.title = "Gap to target"
    bars.add_data(Reference(summary, min_col=5, min_row=19, max_row=29), titles_from_data=True)
    bars.set_categories(Reference(summary, min_col=2, min_row=20, max_row=29))
    summary.add_chart(bars, "J24")

    # Actions
    actions.append(["#", "Action", "Element", "Question", "Owner", "Due", "Status"])
    status = {"open": "Open", "in-progress": "In progress", "done": "Done"}
    for i, act in enumerate(data.get("actions", []), start=1):
        due = act.get("due")
        actions.append([i, act.get("title"), act.get("element"), act.get("question"),
                        act.get("owner"), datetime.date.fromisoformat(due) if due else None,
                        status.get(act.get("status"), "Open")])
    sdv = DataValidation(type="list", formula1='"Open,In progress,Done"')
    actions.add_data_validation(sdv)
    sdv.add("G2:G200")
    actions.freeze_panes = "A2"
    actions.auto_filter.ref = f"A1:G{max(2, actions.max_row)}"

    # Method
    method.append(["Method"])
    method.append([])
    method.append(["Level", "Label", "Meaning"])
    for level in range(5):
        method.append([level, f"label {level}", f"meaning {level}"])
    method.append(["N/A", "Not applicable", "Does not apply"])
    method.append([])
    method.append(["Checklist", checklist["framework"]["id"]])
    method.append(["Checklist version", str(checklist["framework"]["version"])])
    method.append(["SHA-256", hashlib.sha256(raw).hexdigest()])
    method.append(["Exported", datetime.datetime.now(datetime.timezone.utc).isoformat()])

    wb.properties.title = f"Environmental self-assessment: {org.get('name')}"
    wb.properties.creator = data.get("assessor")
    wb.properties.keywords = "EMS, 10 Elements, CEC"
    wb.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
