#!/usr/bin/python3
# test-questionnaire.py: the fill-in questionnaire and the return trip
#
# The questionnaire is exported (questionnaire-tool export), inspected and
# filled in with openpyxl (levels as drop-down texts, as bare numbers, as
# "N/A"/"na"), saved again by LibreOffice and by Gnumeric (ssconvert), and
# imported (questionnaire-tool import); the scores of what was imported
# are those of the rule. The assessment workbook after a level edit
# imports with that edit. Each hostile workbook (generated here with
# zipfile, never committed) gives a clear error, quickly, without a crash.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import io
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xlsxtest  # noqa: E402

TOOL = sys.argv.pop(1) if len(sys.argv) > 1 else "questionnaire-tool"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SSCONVERT = shutil.which("ssconvert")

xlsxtest.require_openpyxl()
import openpyxl  # noqa: E402

CHECKLIST = json.loads(xlsxtest.run(["--checklist", "--json"]).stdout)
QUESTIONS = [q for e in CHECKLIST["elements"] for q in e["questions"]]
CHOICES_EN = ["0 – Not in place", "1 – Informal", "2 – Written, partly applied",
              "3 – Implemented", "4 – Measured and improved", "N/A"]


def tool(args, lc_all="C.UTF-8", timeout=30):
    proc = subprocess.run([TOOL] + args, env=xlsxtest.env_for(lc_all), capture_output=True,
                          text=True, timeout=timeout)
    return proc


def export(out, source=None, lc_all="C.UTF-8"):
    proc = tool(["export", out] + ([source] if source else []), lc_all=lc_all)
    if proc.returncode != 0:
        raise AssertionError(f"export exited {proc.returncode}: {proc.stderr}")


def import_(path, lc_all="C.UTF-8", expect=0):
    proc = tool(["import", path], lc_all=lc_all)
    if proc.returncode != expect:
        raise AssertionError(f"import {path} exited {proc.returncode}, not {expect}: {proc.stderr}")
    return (json.loads(proc.stdout) if proc.stdout else None), proc.stderr


def rule_scores(answers, target_level=3):
    """The domain brief's scoring rule, written again independently"""
    elements = []
    for element in CHECKLIST["elements"]:
        num = den = 0
        for q in element["questions"]:
            a = answers.get(q["id"], {})
            if "level" in a:
                num += q["weight"] * a["level"]
                den += 4 * q["weight"]
        elements.append(100.0 * num / den if den else None)
    scored = [s for s in elements if s is not None]
    return elements, (sum(scored) / len(scored) if scored else None)


def summary(emsa_path):
    return json.loads(xlsxtest.run(["--summary", "--json", emsa_path]).stdout)[0]


def header_columns(ws, row=1):
    return {str(c.value).strip(): c.column_letter for c in ws[row] if c.value is not None}


def answer_rows(ws, id_col):
    return {str(ws[f"{id_col}{r}"].value): r for r in range(2, ws.max_row + 1)
            if ws[f"{id_col}{r}"].value is not None}


def comparable(doc):
    doc = dict(doc)
    for key in ("actions", "indicators", "format_version"):
        doc.pop(key, None)
    return doc


def resave_libreoffice(src, outdir, profile):
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                           "--convert-to", "xlsx", "--outdir", outdir, src],
                          capture_output=True, text=True, timeout=180)
    out = os.path.join(outdir, os.path.basename(src))
    if proc.returncode != 0 or not os.path.exists(out):
        raise AssertionError(f"LibreOffice failed: {proc.stderr}")
    return out


def resave_gnumeric(src, out):
    proc = subprocess.run([SSCONVERT, src, out], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not os.path.exists(out):
        raise AssertionError(f"ssconvert failed: {proc.stderr}")
    return out


class Questionnaire(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ems-questionnaire-")
        cls.blank = os.path.join(cls.tmp, "blank.xlsx")
        export(cls.blank)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

    # The workbook as written ----------------------------------------------

    def test_blank_structure(self):
        wb = openpyxl.load_workbook(self.blank)
        self.assertEqual(wb.sheetnames, ["Instructions", "Profile", "Questions", "ten-elements"])
        self.assertEqual(wb["ten-elements"].sheet_state, "hidden")
        self.assertEqual(wb["ten-elements"]["A1"].value, "ten-elements-questionnaire")
        self.assertEqual([wb["ten-elements"][f"A{r}"].value for r in range(7, 13)], CHOICES_EN)

        ws = wb["Questions"]
        self.assertEqual([c.value for c in ws[1]],
                         ["Element", "ID", "Question", "Help and evidence examples", "Level",
                          "N/A reason", "Note", "Evidence"])
        self.assertEqual(ws.max_row, 1 + len(QUESTIONS))
        for r, q in enumerate(QUESTIONS, start=2):
            self.assertEqual(ws[f"B{r}"].value, q["id"])
            self.assertEqual(ws[f"C{r}"].value, q["text"])
            self.assertTrue(ws[f"D{r}"].value)               # help with evidence examples
            self.assertIsNone(ws[f"E{r}"].value)             # blank
        self.assertTrue(any("Evidence" in (ws[f"D{r}"].value or "") for r in range(2, ws.max_row)))

        # Structure locked without a password, answers open
        for name in ("Instructions", "Profile", "Questions"):
            self.assertTrue(wb[name].protection.sheet, name)
            self.assertFalse(wb[name].protection.password, name)
        self.assertTrue(ws["B2"].protection.locked)
        self.assertTrue(ws["C2"].protection.locked)
        for col in "EFGH":
            self.assertFalse(ws[f"{col}2"].protection.locked, col)

        # The level drop-down reads its choices from the marker sheet
        dvs = [dv for dv in ws.data_validations.dataValidation if "E2" in str(dv.sqref)]
        self.assertEqual(len(dvs), 1)
        self.assertEqual(dvs[0].type, "list")
        self.assertIn("ten-elements", dvs[0].formula1)
        self.assertIn(f"E{1 + len(QUESTIONS)}", str(dvs[0].sqref))

        # Printing: one page wide, header row repeated, A4 in the C locale
        self.assertEqual(ws.page_setup.paperSize, 9)
        self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
        self.assertIn(ws.page_setup.fitToWidth, (None, 1))     # 1 is the default
        self.assertEqual(ws.page_setup.fitToHeight, 0)
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertIn("$1:$1", str(ws.print_title_rows))

        # Profile: keys in a hidden column A, values unlocked in C
        p = wb["Profile"]
        keys = [p[f"A{r}"].value for r in range(1, p.max_row + 1) if p[f"A{r}"].value]
        self.assertEqual(keys, ["name", "site", "sector", "employees", "country", "assessor",
                                "assessed_on", "target_level"])
        self.assertTrue(p.column_dimensions["A"].hidden)
        self.assertEqual(p["C11"].value, 3)                  # target level by default
        self.assertFalse(p["C4"].protection.locked)
        self.assertTrue(p["B4"].protection.locked)

    def test_blank_imports_empty(self):
        doc, err = import_(self.blank)
        self.assertEqual(doc["answers"], {})
        self.assertEqual(doc["target_level"], 3)
        self.assertIn("kind: questionnaire", err)

    def test_languages_and_paper(self):
        for lc, sheet, level, paper in (("fr_FR.UTF-8", "Questions", "Niveau", 9),
                                        ("es_MX.UTF-8", "Preguntas", "Nivel", 1)):
            if not xlsxtest.locale_available(lc):
                continue
            with self.subTest(lc=lc):
                out = self.path(f"blank-{lc}.xlsx")
                export(out, xlsxtest.EXAMPLES[0], lc_all=lc)
                wb = openpyxl.load_workbook(out)
                self.assertIn(sheet, wb.sheetnames)
                ws = wb[sheet]
                self.assertIn(level, [c.value for c in ws[1]])
                self.assertEqual(ws.page_setup.paperSize, paper)
                # Numbers stay numbers whatever the locale
                self.assertIsInstance(wb.worksheets[1]["C7"].value, int)
                # Read back on an English desktop
                doc, _ = import_(out)
                ref, _ = import_(xlsxtest.EXAMPLES[0])
                self.assertEqual(comparable(doc), comparable(ref))

    def test_assessment_workbook_in_other_languages(self):
        """An assessment workbook exported in French or Spanish reads back
        on an English desktop, and the other way round"""
        ref, _ = import_(xlsxtest.EXAMPLES[1])
        for lc_out, lc_in in (("fr_FR.UTF-8", "C.UTF-8"), ("es_MX.UTF-8", "C.UTF-8"),
                              ("C.UTF-8", "fr_FR.UTF-8")):
            if not (xlsxtest.locale_available(lc_out) and xlsxtest.locale_available(lc_in)):
                continue
            with self.subTest(written=lc_out, read=lc_in):
                book = self.path(f"assessment-{lc_out}.xlsx")
                xlsxtest.export(xlsxtest.EXAMPLES[1], book, lc_all=lc_out)
                doc, _ = import_(book, lc_all=lc_in)
                self.assertEqual(comparable(doc), comparable(ref))

    # Round trips --------------------------------------------------------

    def test_prefilled_round_trip(self):
        for example in xlsxtest.EXAMPLES:
            with self.subTest(example=os.path.basename(example)):
                out = self.path("pre-" + os.path.basename(example) + ".xlsx")
                export(out, example)
                doc, _ = import_(out)
                ref, _ = import_(example)
                self.assertEqual(comparable(doc), comparable(ref))

    def fill(self, path, seed):
        """Fills a blank questionnaire the three ways an owner types levels"""
        rnd = random.Random(seed)
        wb = openpyxl.load_workbook(self.blank)
        ws = wb["Questions"]
        expected = {}
        for r, q in enumerate(QUESTIONS, start=2):
            way = rnd.randrange(6)
            level = rnd.randrange(5)
            if way == 0:
                continue                                     # unanswered
            elif way == 1:
                ws[f"E{r}"] = CHOICES_EN[level]              # the drop-down's text
            elif way == 2:
                ws[f"E{r}"] = level                          # a bare number
            elif way == 3:
                ws[f"E{r}"] = str(level)                     # a number typed as text
            elif way == 4:
                ws[f"E{r}"] = rnd.choice(["N/A", "na", "n/a", "NA"])
                ws[f"F{r}"] = "We have no boiler"
                expected[q["id"]] = {"not_applicable": True, "reason": "We have no boiler"}
                continue
            else:
                ws[f"E{r}"] = CHOICES_EN[level]
                ws[f"G{r}"] = f"Note for {q['id']} = \"quoted\", =1+1"
                ws[f"H{r}"] = "Binder 3, shelf 2"
            expected[q["id"]] = {"level": level}
            if way == 5:
                expected[q["id"]].update(note=f"Note for {q['id']} = \"quoted\", =1+1",
                                         evidence="Binder 3, shelf 2")
        p = wb["Profile"]
        p["C4"] = "Ferretería Núñez & Hijos"
        p["C5"] = "Querétaro"
        p["C6"] = "Hardware retail"
        p["C7"] = 12
        p["C8"] = "mx"
        p["C9"] = "Ana Núñez"
        p["C10"] = datetime.datetime(2026, 11, 23)
        p["C11"] = 2
        wb.save(path)
        return expected

    def check_filled(self, doc, expected):
        self.assertEqual(doc["answers"], expected)
        self.assertEqual(doc["organisation"], {"name": "Ferretería Núñez & Hijos", "site": "Querétaro",
                                               "sector": "Hardware retail", "employees": 12,
                                               "country": "MX"})
        self.assertEqual(doc["assessor"], "Ana Núñez")
        self.assertEqual(doc["assessed_on"], "2026-11-23")
        self.assertEqual(doc["target_level"], 2)

    def test_filled_scores_follow_the_rule(self):
        for seed in (1, 2, 3):
            with self.subTest(seed=seed):
                filled = self.path(f"filled-{seed}.xlsx")
                expected = self.fill(filled, seed)
                doc, err = import_(filled)
                self.check_filled(doc, expected)
                emsa = self.path(f"filled-{seed}.emsa")
                with open(emsa, "w") as f:
                    json.dump(doc, f)
                got = summary(emsa)
                elements, overall = rule_scores(expected)
                self.assertAlmostEqual(got["overall"], overall, places=9)
                for e, s in zip(got["elements"], elements):
                    if s is None:
                        self.assertIsNone(e["score"])
                    else:
                        self.assertAlmostEqual(e["score"], s, places=9)

    def test_resaved_by_libreoffice_and_gnumeric(self):
        filled = self.path("filled-resave.xlsx")
        expected = self.fill(filled, 7)
        outs = []
        if SOFFICE:
            lo = self.path("lo")
            os.makedirs(lo, exist_ok=True)
            outs.append(("LibreOffice", resave_libreoffice(filled, lo, self.path("lo-profile"))))
        if SSCONVERT:
            outs.append(("Gnumeric", resave_gnumeric(filled, self.path("filled-gnumeric.xlsx"))))
        if not outs:
            self.skipTest("neither LibreOffice nor Gnumeric is installed")
        for program, out in outs:
            with self.subTest(program=program):
                doc, err = import_(out)
                self.check_filled(doc, expected)

    def test_assessment_workbook_level_edit(self):
        example = xlsxtest.EXAMPLES[0]
        book = self.path("assessment.xlsx")
        xlsxtest.export(example, book)
        ref, _ = import_(example)

        # Unedited: the same assessment, action plan included
        doc, err = import_(book)
        self.assertIn("kind: assessment-workbook", err)
        self.assertEqual(comparable(doc), comparable(ref))
        self.assertTrue(ref["actions"])
        self.assertEqual(doc["actions"], ref["actions"])

        wb = openpyxl.load_workbook(book)
        ws = wb["Answers"]
        cols = header_columns(ws)
        rows = answer_rows(ws, cols["Question"])
        ws[f"{cols['Level']}{rows['2.1']}"] = 0
        ws[f"{cols['Level']}{rows['3.2']}"] = "N/A"
        ws[f"{cols['N/A reason']}{rows['3.2']}"] = "No targets this year"
        ws[f"{cols['Note']}{rows['1.1']}"] = "Edited in a spreadsheet"
        acts = wb["Actions"]
        acts["G2"] = "Done"
        acts["B8"] = "A new action typed in the workbook"
        acts["D8"] = "4.1"
        acts["F8"] = datetime.datetime(2027, 6, 30)
        acts["G8"] = "In progress"
        edited = self.path("assessment-edited.xlsx")
        wb.save(edited)

        want = comparable(ref)
        want["answers"]["2.1"] = dict(ref["answers"].get("2.1", {}), level=0)
        want["answers"]["2.1"].pop("not_applicable", None)
        want["answers"]["3.2"] = {k: v for k, v in ref["answers"].get("3.2", {}).items() if k != "level"}
        want["answers"]["3.2"].update(not_applicable=True, reason="No targets this year")
        want["answers"]["1.1"] = dict(ref["answers"]["1.1"], note="Edited in a spreadsheet")
        want_actions = [dict(a) for a in ref["actions"]]
        want_actions[0]["status"] = "done"
        want_actions.append({"title": "A new action typed in the workbook", "question": "4.1",
                             "due": "2027-06-30", "status": "in-progress"})

        readers = [("openpyxl", edited)]
        if SOFFICE:
            lo = self.path("lo-book")
            os.makedirs(lo, exist_ok=True)
            readers.append(("LibreOffice", resave_libreoffice(edited, lo, self.path("lo-profile"))))
        if SSCONVERT:
            readers.append(("Gnumeric", resave_gnumeric(edited, self.path("assessment-gnumeric.xlsx"))))
        for program, path in readers:
            with self.subTest(program=program):
                doc, _ = import_(path)
                self.assertEqual(doc["answers"], want["answers"])
                self.assertEqual(doc["organisation"], want["organisation"])
                self.assertEqual(doc["actions"], want_actions)

    def test_printed_by_libreoffice(self):
        """Printed to PDF by LibreOffice: every question on the page and the
        instructions whole, on A4 in the C locale and on Letter in es_MX;
        the pages are kept as PNG in tests/screenshots/ to look at"""
        if not SOFFICE or not shutil.which("pdftotext"):
            self.skipTest("LibreOffice or poppler-utils is not installed")
        shots = os.path.join(os.environ.get("G_TEST_BUILDDIR", self.tmp), "screenshots")
        os.makedirs(shots, exist_ok=True)
        cases = [("C.UTF-8", "(A4)", "Questions", "How to fill in this questionnaire")]
        if xlsxtest.locale_available("es_MX.UTF-8"):
            cases.append(("es_MX.UTF-8", "(letter)", "Preguntas", "Cómo llenar este cuestionario"))
        for lc, size, sheet, heading in cases:
            with self.subTest(lc=lc):
                name = f"questionnaire-{lc.split('.')[0]}"
                book = self.path(name + ".xlsx")
                export(book, xlsxtest.EXAMPLES[0], lc_all=lc)
                outdir = self.path("pdf-" + lc)
                os.makedirs(outdir, exist_ok=True)
                proc = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{self.path('lo-profile')}",
                                       "--headless", "--convert-to", "pdf", "--outdir", outdir, book],
                                      capture_output=True, text=True, timeout=180)
                pdf = os.path.join(outdir, name + ".pdf")
                self.assertTrue(os.path.exists(pdf), proc.stderr)
                info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
                page = [l for l in info.splitlines() if l.startswith("Page size:")][0]
                self.assertIn(size, page)
                text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
                self.assertIn(heading, text)
                flat = " ".join(text.split())
                for q in QUESTIONS:
                    self.assertIn(q["id"], flat)
                # The instructions' last words are printed: nothing cut at the margin
                self.assertIn(".xlsx", flat)
                subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, os.path.join(shots, name)], check=True)

    # Problems with a place and what was expected ------------------------

    def test_bad_cells_are_reported_and_the_rest_imports(self):
        wb = openpyxl.load_workbook(self.blank)
        ws = wb["Questions"]
        ws["E2"] = "high"
        ws["E3"] = 7
        ws["E4"] = 2.5
        ws["E5"] = True
        ws["E6"] = "#N/A"          # an error cell
        ws["E7"] = "3 – Implemented"
        ws["E8"] = "N/A"            # without a reason: a warning
        ws["G9"] = "=SUM(1,2)"      # a formula in a note: its text is never evaluated here
        ws["B10"] = "not an id"
        ws["E10"] = 2
        ws["B11"] = "1.1"           # 1.1 a second time
        ws["E11"] = 4
        p = wb["Profile"]
        p["C7"] = "many"
        p["C8"] = "Canada"
        p["C10"] = "yesterday"
        p["C11"] = 9
        path = self.path("bad.xlsx")
        wb.save(path)

        doc, err = import_(path, expect=1)
        lines = err.splitlines()

        def has(cell, words):
            self.assertTrue(any(f"{cell}: " in l and words in l for l in lines), f"{cell} {words}: {err}")

        has("Questions!E2", "expected a level from 0 to 4 or N/A, found “high”")
        has("Questions!E3", "found “7”")
        has("Questions!E4", "found “2.5”")
        has("Questions!E5", "found “TRUE”")
        has("Questions!E6", "the error #N/A")
        has("Questions!F8", "without a reason")
        has("Questions!B10", "expected a question ID such as 1.1")
        has("Questions!B11", "appears a second time")
        has("Profile!C7", "whole number of employees")
        has("Profile!C8", "two-letter ISO 3166")
        has("Profile!C10", "expected a date")
        has("Profile!C11", "target level")
        self.assertTrue(any("warning: Questions!F8" in l for l in lines))
        # The rest still imports
        self.assertEqual(doc["answers"][QUESTIONS[5]["id"]], {"level": 3})
        self.assertEqual(doc["answers"][QUESTIONS[6]["id"]], {"not_applicable": True})
        self.assertNotIn(QUESTIONS[0]["id"], doc["answers"])
        self.assertEqual(doc["target_level"], 3)

    def test_every_kind_of_cell(self):
        """Inline strings, cached formula values (numbers and strings),
        rich text in shared strings, and what a cell cannot be"""
        with zipfile.ZipFile(self.blank) as z:
            sheet = z.read("xl/worksheets/sheet3.xml").decode()
            strings = z.read("xl/sharedStrings.xml").decode()
        cells = {
            "E2": '<c r="E2" t="inlineStr"><is><t xml:space="preserve"> 3 – Implemented </t></is></c>',
            "E3": '<c r="E3"><f>1+1</f><v>2</v></c>',
            "E4": '<c r="E4" t="str"><f>"N"&amp;"/A"</f><v>N/A</v></c>',
            "F4": '<c r="F4" t="inlineStr"><is><r><t>No </t></r><r><rPr><b/></rPr><t>boiler</t></r>'
                  '<rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>',
            "E5": '<c r="E5" t="s"><v>99999</v></c>',
            "E6": '<c r="E6" t="n"><v>4.0</v></c>',
            "G6": '<c r="G6" t="s"><v>RICH</v></c>',
        }
        for ref, xml in cells.items():
            sheet = re.sub(f'<c r="{ref}" s="\\d+"/>', lambda m: xml, sheet, count=1)
        # A rich-text shared string, appended
        count = strings.count("<si>")
        strings = strings.replace("</sst>", '<si><r><t>Binder </t></r><r><rPr><i/></rPr><t>3</t></r></si></sst>')
        sheet = sheet.replace("<v>RICH</v>", f"<v>{count}</v>")
        path = self.path("cells.xlsx")
        rewrite(self.blank, path, replace={"xl/worksheets/sheet3.xml": sheet, "xl/sharedStrings.xml": strings})
        doc, err = import_(path, expect=1)
        ids = [q["id"] for q in QUESTIONS]
        self.assertEqual(doc["answers"][ids[0]], {"level": 3})
        self.assertEqual(doc["answers"][ids[1]], {"level": 2})
        self.assertEqual(doc["answers"][ids[2]], {"not_applicable": True, "reason": "No boiler"})
        self.assertNotIn(ids[3], doc["answers"])
        self.assertIn("Questions!E5: expected a level from 0 to 4 or N/A, found the error #REF!", err)
        self.assertEqual(doc["answers"][ids[4]], {"level": 4, "note": "Binder 3"})

    def test_columns_moved_and_translated_headings(self):
        """Columns are found by heading, in any of our languages"""
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Mes réponses"
        ws.append(["Remarque", "Identifiant", "Niveau", "Raison (S.O.)", "Preuves"])
        ws.append(["ok", "1.1", "3 – Mis en œuvre", None, "Classeur"])
        ws.append([None, "1.2", "s.o.", "Pas concerné", None])
        path = self.path("french-columns.xlsx")
        wb.save(path)
        doc, err = import_(path)
        self.assertEqual(doc["answers"], {"1.1": {"level": 3, "note": "ok", "evidence": "Classeur"},
                                          "1.2": {"not_applicable": True, "reason": "Pas concerné"}})


# Hostile workbooks ---------------------------------------------------------

def rewrite(src, dst, replace=None, drop=(), extra=None, compress=zipfile.ZIP_DEFLATED):
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compress) as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = replace.get(item.filename, zin.read(item.filename))
            zout.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def questions_part(path):
    """The part of the Questions sheet (the third sheet as written)"""
    return "xl/worksheets/sheet3.xml"


def patch_declared_size(path, member, size):
    """Makes the zip lie about @member's uncompressed size (both headers)"""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    name = member.encode()
    # local header: size at +22; central directory entry: size at +24
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, size)
        pos += 4
    with open(path, "wb") as f:
        f.write(bytes(data))


def compound_file(streams):
    """A minimal OLE compound file (512-byte sectors) holding @streams
    (name → bytes, each padded to 4096 bytes so no mini stream is needed)"""
    ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    sectors = []          # payload sectors after the FAT (0) and directory (1)
    fat = [FATSECT, ENDOFCHAIN]
    entries = []
    for name, payload in streams.items():
        payload = payload.ljust(4096, b"\0")
        first = 2 + len(sectors)
        n = len(payload) // 512
        for i in range(n):
            sectors.append(payload[i * 512:(i + 1) * 512])
            fat.append(first + i + 1 if i < n - 1 else ENDOFCHAIN)
        entries.append((name, first, len(payload)))
    fat += [FREESECT] * (128 - len(fat))

    def dirent(name, kind, start, size, left=NOSTREAM, right=NOSTREAM, child=NOSTREAM):
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        e = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
        e += struct.pack("<III", left, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        e += struct.pack("<IQ", start, size)
        return e

    d = dirent("Root Entry", 5, ENDOFCHAIN, 0, child=1)
    for i, (name, start, size) in enumerate(entries, start=1):
        d += dirent(name, 2, start, size, right=i + 1 if i < len(entries) else NOSTREAM)
    while len(d) < 512:
        d += dirent("", 0, 0, 0)
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + d[:512] + b"".join(sectors)


class Hostile(unittest.TestCase):
    def test_damaged_bytes_never_crash(self):
        """Bytes flipped anywhere in the file: an error or an import, never
        a crash or a hang"""
        with open(self.blank, "rb") as f:
            original = f.read()
        rnd = random.Random(12)
        path = os.path.join(self.tmp, "flipped.xlsx")
        outcomes = set()
        for i in range(120):
            data = bytearray(original)
            for _ in range(rnd.randrange(1, 8)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
            with open(path, "wb") as f:
                f.write(bytes(data))
            proc = tool(["import", path], timeout=20)
            self.assertIn(proc.returncode, (0, 1, 2), f"round {i}: {proc.stderr}")
            outcomes.add(proc.returncode)
        self.assertIn(2, outcomes)

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ems-hostile-")
        cls.blank = os.path.join(cls.tmp, "blank.xlsx")
        export(cls.blank)
        with zipfile.ZipFile(cls.blank) as z:
            cls.sheet = z.read(questions_part(cls.blank)).decode()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def refused(self, path, *words, limit=10.0):
        start = time.monotonic()
        proc = tool(["import", path], timeout=60)
        elapsed = time.monotonic() - start
        self.assertGreaterEqual(proc.returncode, 0, f"crashed: {proc.stderr}")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertEqual(proc.stdout, "")
        self.assertLess(elapsed, limit)
        fatal = [l for l in proc.stderr.splitlines() if ": fatal: " in l]
        self.assertEqual(len(fatal), 1, proc.stderr)
        for w in words:
            self.assertIn(w, fatal[0])
        return fatal[0]

    def make(self, name, **kw):
        path = os.path.join(self.tmp, name)
        rewrite(self.blank, path, **kw)
        return path

    def test_zip_bomb_declared(self):
        bomb = " " * (40 * 1024 * 1024)
        path = self.make("bomb.xlsx", replace={questions_part(self.blank): self.sheet.replace("<sheetData>", bomb + "<sheetData>", 1)})
        self.assertLess(os.path.getsize(path), 1024 * 1024)
        self.refused(path, "would unpack to", "refused unread")

    def test_zip_bomb_lying_header(self):
        bomb = " " * (40 * 1024 * 1024)
        part = questions_part(self.blank)
        path = self.make("bomb-lying.xlsx", replace={part: self.sheet.replace("<sheetData>", bomb + "<sheetData>", 1)})
        patch_declared_size(path, part, 4096)
        # Only the declared 4096 bytes are ever unpacked: a damaged part
        self.refused(path, "damaged")

    def test_missing_parts(self):
        self.refused(self.make("no-workbook.xlsx", drop=("xl/workbook.xml",)), "incomplete", "xl/workbook.xml")
        self.refused(self.make("no-sheet.xlsx", drop=(questions_part(self.blank),)), "incomplete", "sheet3.xml")
        self.refused(self.make("no-rels.xlsx", drop=("_rels/.rels",)), "incomplete", "_rels/.rels")

    def test_a_million_rows(self):
        head, tail = self.sheet.split("</sheetData>", 1)
        sparse = head + '<row r="1048576"><c r="E1048576" t="inlineStr"><is><t>3</t></is></c></row></sheetData>' + tail
        self.refused(self.make("rows-sparse.xlsx", replace={questions_part(self.blank): sparse}),
                     "row 1048576")
        # The header and questions kept, then empty rows up to 1,048,576
        dense = head + "<row/>" * (1048576 - 100) + "</sheetData>" + tail
        self.refused(self.make("rows-dense.xlsx", replace={questions_part(self.blank): dense}),
                     "more than 200000 rows")

    def test_external_entity_and_billion_laughs(self):
        xxe = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
               + self.sheet.split("?>", 1)[1].replace("<sheetData>", "<sheetData><row r=\"2\"><c r=\"G2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>", 1))
        self.refused(self.make("xxe.xlsx", replace={questions_part(self.blank): xxe}), "document type")
        lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        for i in range(1, 10):
            lol += f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' if i > 1 else '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        lol += ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
        self.refused(self.make("laughs.xlsx", replace={"xl/sharedStrings.xml": lol}), "document type")
        # In UTF-16, where a byte search for the declaration cannot see it
        utf16 = xxe.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
        self.refused(self.make("xxe-utf16.xlsx", replace={questions_part(self.blank): utf16}), "UTF-8")

    def test_not_well_formed(self):
        self.refused(self.make("broken.xlsx", replace={"xl/workbook.xml": "<workbook><sheets><sheet"}),
                     "not well-formed")

    def test_another_programs_workbook(self):
        wb = openpyxl.Workbook()
        wb.active.append(["Name", "Amount"])
        wb.active.append(["Rent", 1200])
        path = os.path.join(self.tmp, "budget.xlsx")
        wb.save(path)
        self.refused(path, "not written by Ten Elements", "“ID”", "“Level”")

    def test_encrypted_and_xls(self):
        enc = os.path.join(self.tmp, "encrypted.xlsx")
        with open(enc, "wb") as f:
            f.write(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": os.urandom(2048)}))
        self.refused(enc, "encrypted", "without a password")
        xls = os.path.join(self.tmp, "old.xlsx")
        with open(xls, "wb") as f:
            f.write(compound_file({"Workbook": b"\x09\x08\x10\x00"}))
        self.refused(xls, ".xls", "save it as .xlsx")
        if SSCONVERT:
            real = os.path.join(self.tmp, "real.xls")
            resave_gnumeric(self.blank, real)
            renamed = os.path.join(self.tmp, "real-renamed.xlsx")
            shutil.copy(real, renamed)
            self.refused(renamed, ".xls")
            ods = os.path.join(self.tmp, "real.ods")
            resave_gnumeric(self.blank, ods)
            renamed = os.path.join(self.tmp, "ods-renamed.xlsx")
            shutil.copy(ods, renamed)
            self.refused(renamed, "OpenDocument")

    def test_text_files(self):
        for name, data in (("text.xlsx", b"Level,ID\n3,1.1\n"), ("empty.xlsx", b""),
                           ("json.xlsx", b'{"format": "ten-elements-assessment"}')):
            with self.subTest(name=name):
                path = os.path.join(self.tmp, name)
                with open(path, "wb") as f:
                    f.write(data)
                self.refused(path, "not a zip container")


if __name__ == "__main__":
    unittest.main(verbosity=2)
