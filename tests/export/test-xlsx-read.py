# test-xlsx-read.py: the exported workbook read back with openpyxl
#
# ten-elements --export writes the workbook; openpyxl (an independent
# reader) and the zip parts themselves are checked against the app's own
# scores (--summary --json) and the assessment file.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import hashlib
import json
import os
import re
import tempfile
import zipfile

import xlsxtest
from xlsxtest import (ANS_EVIDENCE, ANS_LEVEL, ANS_NA, ANS_NOTE, ANS_REASON,
                      COL_BAND, COL_COVERAGE, COL_GAP, COL_RED_FLAG,
                      COL_SCORE, COL_TARGET, EXAMPLES, EPOCH,
                      SUM_COVERAGE, SUM_FIRST_ELEMENT_ROW, SUM_HEADER_ROW,
                      SUM_OVERALL, SUM_TARGET, SUM_TARGET_LEVEL)

xlsxtest.require_openpyxl()
import openpyxl  # noqa: E402

SHEETS = ["Summary", "Answers", "Actions", "Where to start", "ISO 14001", "Method"]


class Exported(xlsxtest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="test-xlsx-read-")
        cls.checklist = xlsxtest.checklist()
        cls.questions = [q for e in cls.checklist["elements"] for q in e["questions"]]
        cls.files = {}
        for source in EXAMPLES:
            out = os.path.join(cls.tmp.name, os.path.basename(source) + ".xlsx")
            proc = xlsxtest.export(source, out)
            assert proc.stderr == "", proc.stderr
            cls.files[source] = out

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def open(self, source, data_only=True):
        return openpyxl.load_workbook(self.files[source], data_only=data_only)

    def test_sheet_names(self):
        for source in EXAMPLES:
            self.assertEqual(self.open(source).sheetnames, SHEETS)

    def test_summary_values_are_the_apps(self):
        for source in EXAMPLES:
            with self.subTest(source=os.path.basename(source)):
                app = xlsxtest.summary(source)
                ws = self.open(source)["Summary"]
                self.assertScore(ws[SUM_OVERALL].value, app["overall"])
                self.assertScore(ws[SUM_COVERAGE].value, app["coverage"])
                self.assertScore(ws[SUM_TARGET].value, app["target"])
                self.assertEqual(ws[SUM_TARGET_LEVEL].value, app["target"] / 25)
                self.assertEqual(ws.cell(SUM_HEADER_ROW, 2).value, "Element")
                for i, element in enumerate(app["elements"]):
                    row = SUM_FIRST_ELEMENT_ROW + i
                    self.assertEqual(ws[f"A{row}"].value, element["number"])
                    self.assertScore(ws[f"{COL_SCORE}{row}"].value, element["score"])
                    self.assertScore(ws[f"{COL_TARGET}{row}"].value, app["target"])
                    self.assertScore(ws[f"{COL_GAP}{row}"].value, element["gap"])
                    self.assertScore(ws[f"{COL_COVERAGE}{row}"].value, element["coverage"])
                    band = ws[f"{COL_BAND}{row}"].value
                    self.assertEqual((band or None) and band.lower(), element["band"])
                    flag = ws[f"{COL_RED_FLAG}{row}"].value
                    self.assertEqual(flag == "Yes", element["red_flag"])

    def test_summary_formulas(self):
        """Scores are plain A1 formulas over the Answers sheet"""
        ws = self.open(EXAMPLES[0], data_only=False)["Summary"]
        overall = ws[SUM_OVERALL].value
        self.assertTrue(overall.startswith("=IF(COUNT("), overall)
        for row in range(SUM_FIRST_ELEMENT_ROW, SUM_FIRST_ELEMENT_ROW + 10):
            score = ws[f"{COL_SCORE}{row}"].value
            self.assertTrue(score.startswith("="), score)
            # Plain sums over the Points columns: no array expression,
            # which Gnumeric would not evaluate inside SUMPRODUCT
            self.assertNotIn("SUMPRODUCT", score)
            self.assertRegex(score, r"^=IF\(SUM\('Answers'!\$P\$\d+:\$P\$\d+\)=0,")
            self.assertNotIn("SUMPRODUCT", ws[f"{COL_RED_FLAG}{row}"].value)
            self.assertNotIn("[", score)   # no structured references
            self.assertTrue(ws[f"{COL_GAP}{row}"].value.startswith("=IF(ISNUMBER("))

    def test_answers(self):
        for source in EXAMPLES:
            with self.subTest(source=os.path.basename(source)):
                data = xlsxtest.load_json(source)
                ws = self.open(source)["Answers"]
                self.assertEqual(ws.max_row, len(self.questions) + 1)
                for row, q in enumerate(self.questions, start=2):
                    self.assertEqual(ws[f"C{row}"].value, q["id"])
                    self.assertEqual(ws[f"D{row}"].value, q["text"])
                    self.assertEqual(ws[f"K{row}"].value, q["weight"])
                    self.assertEqual(ws[f"L{row}"].value, "Yes" if q["critical"] else "No")
                    answer = data["answers"].get(q["id"], {})
                    level = ws[f"{ANS_LEVEL}{row}"].value
                    if answer.get("not_applicable"):
                        self.assertEqual(level, "N/A")
                        self.assertEqual(ws[f"{ANS_NA}{row}"].value, "Yes")
                        self.assertEqual(ws[f"{ANS_REASON}{row}"].value, answer["reason"])
                    elif "level" in answer:
                        self.assertEqual(level, answer["level"])
                        self.assertTrue(ws[f"F{row}"].value)
                    else:
                        self.assertIsNone(level)
                    self.assertEqual(ws[f"{ANS_NOTE}{row}"].value, answer.get("note") or None)
                    self.assertEqual(ws[f"{ANS_EVIDENCE}{row}"].value, answer.get("evidence") or None)

    def test_answers_sheet_is_editable(self):
        ws = self.open(EXAMPLES[0])["Answers"]
        last = len(self.questions) + 1
        self.assertEqual(ws.freeze_panes, "A2")
        self.assertEqual(ws.auto_filter.ref, f"A1:P{last}")
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        self.assertEqual(len(lists), 1)
        self.assertEqual(str(lists[0].sqref), f"E2:E{last}")
        self.assertEqual(lists[0].formula1, '"0,1,2,3,4,N/A"')
        self.assertGreaterEqual(ws.column_dimensions["D"].width, 40)
        self.assertTrue(ws["D2"].alignment.wrap_text)

    def test_actions(self):
        for source in EXAMPLES:
            with self.subTest(source=os.path.basename(source)):
                actions = xlsxtest.load_json(source).get("actions", [])
                ws = self.open(source)["Actions"]
                self.assertEqual(ws.freeze_panes, "A2")
                self.assertIsNotNone(ws.auto_filter.ref)
                for row, action in enumerate(actions, start=2):
                    self.assertEqual(ws[f"B{row}"].value, action["title"])
                    if action.get("due"):
                        due = ws[f"F{row}"].value
                        self.assertIsInstance(due, datetime.datetime)
                        self.assertEqual(due.date().isoformat(), action["due"])
                    status = {"open": "Open", "in-progress": "In progress", "done": "Done"}
                    self.assertEqual(ws[f"G{row}"].value, status[action["status"]])
                lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
                self.assertEqual(lists[0].formula1, '"Open,In progress,Done"')

    def test_method(self):
        for source in EXAMPLES:
            with self.subTest(source=os.path.basename(source)):
                ws = self.open(source)["Method"]
                values = {}
                for row in ws.iter_rows(min_col=1, max_col=2, values_only=True):
                    if row[0] is not None:
                        values[row[0]] = row[1]
                with open(source, "rb") as f:
                    sha = hashlib.sha256(f.read()).hexdigest()
                self.assertEqual(values["SHA-256"], sha)
                self.assertEqual(values["Checklist"], self.checklist["framework"]["id"])
                self.assertEqual(values["Checklist version"], str(self.checklist["framework"]["version"]))
                exported = datetime.datetime.fromisoformat(values["Exported"].replace("Z", "+00:00"))
                self.assertEqual(int(exported.timestamp()), int(EPOCH))
                self.assertIn("Ten Elements", values["Application"])
                # The scale the Answers sheet looks up
                self.assertEqual([ws[f"A{r}"].value for r in range(4, 10)], [0, 1, 2, 3, 4, "N/A"])

    def test_properties(self):
        for source in EXAMPLES:
            with self.subTest(source=os.path.basename(source)):
                data = xlsxtest.load_json(source)
                app = xlsxtest.summary(source)
                wb = self.open(source)
                props = wb.properties
                self.assertIn(data["organisation"]["name"], props.title)
                self.assertEqual(props.creator, data["assessor"])
                self.assertTrue(props.subject)
                self.assertIn("EMS", props.keywords)
                self.assertEqual(props.created, datetime.datetime.utcfromtimestamp(int(EPOCH)))
                with zipfile.ZipFile(self.files[source]) as z:
                    app_xml = z.read("docProps/app.xml").decode()
                    custom = z.read("docProps/custom.xml").decode()
                company = re.search(r"<Company>(.*?)</Company>", app_xml).group(1)
                self.assertEqual(company.replace("&amp;", "&"), data["organisation"]["name"])
                self.assertRegex(custom, r'name="EMS format version".*?<vt:i4>1</vt:i4>')
                self.assertRegex(custom, r'name="EMS checklist".*?<vt:lpwstr>cec-10-elements 1</vt:lpwstr>')
                overall = float(re.search(r'name="EMS overall score".*?<vt:r8>(.*?)</vt:r8>', custom).group(1))
                self.assertAlmostEqual(overall, app["overall"], places=9)

    def test_charts(self):
        with zipfile.ZipFile(self.files[EXAMPLES[0]]) as z:
            charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
            self.assertEqual(len(charts), 2)
            xml = [z.read(n).decode() for n in charts]
        self.assertEqual(sum("<c:radarChart>" in x for x in xml), 1)
        self.assertEqual(sum("<c:barChart>" in x for x in xml), 1)
        radar = next(x for x in xml if "<c:radarChart>" in x)
        # Both series read the Summary table: scores and target
        self.assertIn("<c:f>Summary!$C$20:$C$29</c:f>", radar)
        self.assertIn("<c:f>Summary!$D$20:$D$29</c:f>", radar)


class Reproducible(xlsxtest.TestCase):
    def test_same_time_same_bytes(self):
        """A golden test: with SOURCE_DATE_EPOCH the file is byte-identical"""
        with tempfile.TemporaryDirectory() as tmp:
            blobs = []
            for i, epoch in enumerate([EPOCH, EPOCH, str(int(EPOCH) + 86400)]):
                out = os.path.join(tmp, f"{i}.xlsx")
                xlsxtest.export(EXAMPLES[0], out, epoch=epoch)
                with open(out, "rb") as f:
                    blobs.append(f.read())
            self.assertEqual(blobs[0], blobs[1])
            self.assertNotEqual(blobs[0], blobs[2])


def numeric_cells(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    cells = {}
    for index, ws in enumerate(wb.worksheets):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float, datetime.datetime)):
                    cells[(index, cell.coordinate)] = cell.value
    return cells


def formulas(path):
    wb = openpyxl.load_workbook(path)
    return {(i, c.coordinate): c.value for i, ws in enumerate(wb.worksheets)
            for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")}


class Locales(xlsxtest.TestCase):
    def test_numbers_identical_in_every_locale(self):
        with tempfile.TemporaryDirectory() as tmp:
            for source in EXAMPLES:
                base = os.path.join(tmp, "C.xlsx")
                xlsxtest.export(source, base)
                expected = numeric_cells(base)
                self.assertGreater(len(expected), 100)
                for loc in ["fr_FR.UTF-8", "es_MX.UTF-8"]:
                    with self.subTest(source=os.path.basename(source), locale=loc):
                        if not xlsxtest.locale_available(loc):
                            self.skipTest(f"locale {loc} is not generated")
                        out = os.path.join(tmp, f"{loc}.xlsx")
                        xlsxtest.export(source, out, lc_all=loc)
                        self.assertEqual(numeric_cells(out), expected)
                        # Formulas differ at most in translated words
                        # and sheet names, never in numbers
                        def strip(f):
                            f = re.sub(r"'(?:[^']|'')*'!", "'sheet'!", f)
                            return re.sub(r'"(?:[^"]|"")*"', '""', f)
                        self.assertEqual({k: strip(v) for k, v in formulas(out).items()},
                                         {k: strip(v) for k, v in formulas(base).items()})


HOSTILE = {
    "1.1": "=HYPERLINK(\"http://example.com/x\",\"click\")",
    "1.2": "+CMD|' /C calc'!A0",
    "1.3": "-2+3",
    "1.4": "@SUM(A1:A9)",
    "1.5": "bell\u0007 nul-free\u0001\u001b esc\u007f del\r\nnext line",
    "2.1": "x" * 100000,
    "2.2": "🌍🌱 émissions — 水 — 👩🏽‍🔬",
    "2.3": "שלום עולם: مرحبا بالعالم",
    "2.4": "_x0041_ is not A",
}


class Hostile(xlsxtest.TestCase):
    def test_hostile_text_survives(self):
        data = xlsxtest.load_json(EXAMPLES[0])
        data["organisation"]["name"] = "Ünïcode Org " + "N" * 288
        for qid, note in HOSTILE.items():
            data["answers"].setdefault(qid, {"level": 2})["note"] = note
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(tmp, "hostile.emsa")
            with open(source, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            out = os.path.join(tmp, "hostile.xlsx")
            proc = xlsxtest.export(source, out)
            # The cut note is reported on stderr
            self.assertIn("32,767", proc.stderr)
            self.assertIn("I7", proc.stderr)

            wb = openpyxl.load_workbook(out)
            ws = wb["Answers"]
            notes = {ws[f"C{r}"].value: ws[f"{ANS_NOTE}{r}"] for r in range(2, ws.max_row + 1)}
            for qid in ["1.1", "1.2", "1.3", "1.4", "2.2", "2.3"]:
                self.assertEqual(notes[qid].data_type, "s", qid)
                self.assertEqual(notes[qid].value, HOSTILE[qid])
            self.assertEqual(notes["1.5"].value, "bell nul-free esc\u007f del\nnext line")
            long = notes["2.1"].value
            self.assertLessEqual(len(long.encode("utf-16-le")) // 2, 32767)
            self.assertTrue(long.startswith("x" * 30000))
            self.assertIn("cut here", long)
            # Readers decode "_xHHHH_": the export escapes it, so it reads back as written
            self.assertEqual(notes["2.4"].value, HOSTILE["2.4"])
            self.assertEqual(wb["Summary"]["C4"].value, data["organisation"]["name"])
            self.assertIn(data["organisation"]["name"], wb.properties.title)
            # No formula anywhere but the workbook's own
            for row in ws.iter_rows(min_col=8, max_col=10):
                for cell in row:
                    self.assertNotEqual(cell.data_type, "f", cell.coordinate)
            # The cut is listed on the Method sheet too
            method = [c.value for row in wb["Method"].iter_rows() for c in row if c.value]
            self.assertTrue(any("I7" in str(v) for v in method))


class Failures(xlsxtest.TestCase):
    def test_unwritable_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "missing", "out.xlsx")
            proc = xlsxtest.run(["--export", out, EXAMPLES[0]], check=False)
            self.assertNotEqual(proc.returncode, 0)
            self.assertIn(out, proc.stderr)
            self.assertEqual(os.listdir(tmp), [])


if __name__ == "__main__":
    xlsxtest.main()
