# test-xlsx-recalc.py: every spreadsheet program computes the rule's numbers
#
# The assessment workbook and the comparison workbook are recalculated by
# LibreOffice (headless, recalculating on load) and by Gnumeric
# (ssconvert --recalc), under the C and French locales; every score cell
# (Summary, ISO 14001, Statistics, Distribution, Changes) must equal the
# app's numbers (--summary --json, or the values the export stored), and
# so must the values stored in the file as openpyxl reads them. The cases
# cover N/A answers, unanswered questions, the checklist's weights, an
# element with no applicable answer, a critical question at 0, another
# target level and an assessment with no answer at all. The Where to
# start sheet is checked against the brief's order computed here by hand.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import importlib.util
import json
import math
import os
import tempfile

import xlsxtest
from xlsxtest import (COL_BAND, COL_COVERAGE, COL_GAP, COL_RED_FLAG,
                      COL_SCORE, EXAMPLES, SUM_COVERAGE, SUM_FIRST_ELEMENT_ROW,
                      SUM_OVERALL, SUM_RED_FLAGS)

xlsxtest.require_openpyxl()

SSCONVERT = xlsxtest.SSCONVERT
LOCALES = ["C.UTF-8", "fr_FR.UTF-8"]
gnumeric_recalculate = xlsxtest.gnumeric_recalculate
load = xlsxtest.load_workbook

# Sheets by position (their names are translated)
SUMMARY, ANSWERS, ACTIONS, WHERE, ISO, METHOD = range(6)
# Where to start and ISO 14001: the header on row 4, the table below
PLAN_FIRST_ROW = 5


def load_module(name, filename):
    """Helpers from the other workbook tests, not copies"""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(name, os.path.join(here, filename))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LO = load_module("xlsx_libreoffice", "test-xlsx-libreoffice.py")
COMPARE = load_module("xlsx_compare", "test-xlsx-compare.py")


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


def make_cases(folder):
    """The examples and hand-made assessments; returns their paths"""
    questions = [q for e in xlsxtest.checklist()["elements"] for q in e["questions"]]
    one = xlsxtest.load_json(EXAMPLES[0])
    made = []

    # Element 3 all N/A (no applicable answer: no score), element 4
    # unanswered, N/A and gaps in element 5, a critical question at 0,
    # heavy and light weights at different levels, target level 4
    edge = copy.deepcopy(one)
    edge["target_level"] = 4
    answers = edge["answers"]
    for q in questions:
        qid = q["id"]
        if qid.startswith("3."):
            answers[qid] = {"not_applicable": True, "reason": "No such activity on site"}
        elif qid.startswith("4."):
            answers.pop(qid, None)
    fives = [q["id"] for q in questions if q["id"].startswith("5.")]
    answers[fives[0]] = {"not_applicable": True, "reason": "Sub-contracted"}
    answers.pop(fives[1], None)
    critical = next(q for q in questions if q["critical"] and not q["id"].startswith(("3.", "4.")))
    answers[critical["id"]] = {"level": 0}
    for i, q in enumerate(q for q in questions if q["id"].startswith(("6.", "7."))):
        answers[q["id"]] = {"level": [1, 4, 2, 0, 3][(i + q["weight"]) % 5]}
    made.append(("edge.emsa", edge))

    # Target level 2, and everything at 2 or above but a few
    low = copy.deepcopy(xlsxtest.load_json(EXAMPLES[1]))
    low["target_level"] = 2
    made.append(("target-2.emsa", low))

    # Nothing answered at all: no score anywhere, coverage 0
    empty = copy.deepcopy(one)
    empty["answers"] = {}
    empty["actions"] = []
    made.append(("empty.emsa", empty))

    paths = list(EXAMPLES)
    for name, data in made:
        path = os.path.join(folder, name)
        write_json(path, data)
        paths.append(path)
    return paths


def where_to_start_by_hand(source, app, checklist):
    """The brief's exact order, computed independently of the app"""
    data = xlsxtest.load_json(source)
    target = data.get("target_level", 3)
    gaps = {e["number"]: e["gap"] for e in app["elements"]}
    entries = []
    for element in checklist["elements"]:
        for q in element["questions"]:
            answer = data["answers"].get(q["id"], {})
            level = answer.get("level")
            if answer.get("not_applicable") or level is None or level >= target:
                continue
            gap = gaps[element["number"]]
            entries.append({
                "key": (not (q["critical"] and level == 0), -(target - level) * q["weight"],
                        -(gap if gap is not None else -1), [int(p) for p in q["id"].split(".")]),
                "element": element["number"], "id": q["id"], "text": q["text"], "level": level,
                "target": target, "step": q["next_steps"]["start" if level <= 1 else "improve"],
            })
    entries.sort(key=lambda entry: entry["key"])
    return entries


class Recalculated(xlsxtest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="test-xlsx-recalc-")
        cls.dir = cls.tmp.name
        cls.sources = make_cases(cls.dir)
        cls.apps = {s: xlsxtest.summary(s) for s in cls.sources}
        cls.checklist = xlsxtest.checklist()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def export_all(self, lc_all):
        tag = lc_all.split(".")[0]
        outs = []
        for source in self.sources:
            out = self.path(f"{tag}-{os.path.basename(source)}.xlsx")
            xlsxtest.export(source, out, lc_all=lc_all)
            outs.append(out)
        return outs

    def assertNumbers(self, value, expected, msg):
        self.assertScore(value, expected, msg)

    def assertAssessmentMatches(self, workbook, app, words, reader):
        wb = load(workbook)
        ws = wb.worksheets[SUMMARY]
        where = f"{reader} {os.path.basename(workbook)}"
        self.assertNumbers(ws[SUM_OVERALL].value, app["overall"], f"{where}: overall")
        self.assertNumbers(ws[SUM_COVERAGE].value, app["coverage"], f"{where}: coverage")
        flags = 0
        for i, element in enumerate(app["elements"]):
            row = SUM_FIRST_ELEMENT_ROW + i
            msg = f"{where}: element {element['number']}"
            self.assertNumbers(ws[f"{COL_SCORE}{row}"].value, element["score"], msg + " score")
            self.assertNumbers(ws[f"{COL_GAP}{row}"].value, element["gap"], msg + " gap")
            self.assertNumbers(ws[f"{COL_COVERAGE}{row}"].value, element["coverage"], msg + " coverage")
            flag = ws[f"{COL_RED_FLAG}{row}"].value
            self.assertEqual(bool(flag), element["red_flag"], msg + " red flag")
            if words:
                band = ws[f"{COL_BAND}{row}"].value
                self.assertEqual((band or None) and band.lower(), element["band"], msg + " band")
                self.assertIn(flag, ("Yes",) if element["red_flag"] else (None, ""), msg)
            flags += element["red_flag"]
        self.assertEqual(ws[SUM_RED_FLAGS].value, flags, f"{where}: red flags")

        # ISO 14001 readiness, clause by clause
        iso = wb.worksheets[ISO]
        clauses = app["iso14001"]
        self.assertTrue(any(c["questions"] == 0 for c in clauses))
        for i, clause in enumerate(clauses):
            row = PLAN_FIRST_ROW + i
            msg = f"{where}: clause {clause['clause']}"
            self.assertEqual(str(iso[f"A{row}"].value), clause["clause"], msg)
            self.assertEqual(iso[f"E{row}"].value, clause["questions"], msg + " questions")
            if clause["questions"] == 0:
                self.assertTrue(iso[f"C{row}"].value.strip(), msg)
                self.assertIsInstance(iso[f"C{row}"].value, str, msg)
                continue
            self.assertNumbers(iso[f"C{row}"].value, clause["score"], msg + " score")
            self.assertEqual(iso[f"F{row}"].value, clause["answered"], msg + " answered")
            if words:
                band = iso[f"D{row}"].value
                expected = None
                if clause["score"] is not None:
                    expected = "red" if clause["score"] < 40 else "amber" if clause["score"] < 70 else "green"
                self.assertEqual((band or None) and band.lower(), expected, msg + " band")
        self.assertIn(iso[f"A{PLAN_FIRST_ROW + len(clauses)}"].value, (None, ""))

    def test_stored_values(self):
        """What openpyxl reads without recalculating is the app's"""
        for lc_all in LOCALES:
            if not xlsxtest.locale_available(lc_all) and lc_all != "C.UTF-8":
                continue
            for source, out in zip(self.sources, self.export_all(lc_all)):
                with self.subTest(source=os.path.basename(source), locale=lc_all):
                    self.assertAssessmentMatches(out, self.apps[source], lc_all == "C.UTF-8", "stored")

    def test_cases_cover_the_rule(self):
        edge = self.apps[self.path("edge.emsa")]
        self.assertIsNone(edge["elements"][2]["score"])       # all N/A
        self.assertEqual(edge["elements"][2]["coverage"], 1)
        self.assertIsNone(edge["elements"][3]["score"])       # unanswered
        self.assertEqual(edge["elements"][3]["coverage"], 0)
        self.assertTrue(any(e["red_flag"] for e in edge["elements"]))
        self.assertIsNone(self.apps[self.path("empty.emsa")]["overall"])
        iso = {c["clause"]: c for c in edge["iso14001"]}
        self.assertIsNone(iso["4.3"]["score"])
        self.assertEqual(iso["4.3"]["questions"], 0)
        self.assertEqual(iso["4.4"]["questions"], 0)
        # A clause cited only by N/A questions has questions but no score
        self.assertTrue(any(c["questions"] > 0 and c["score"] is None for c in edge["iso14001"]))

    def test_libreoffice(self):
        if LO.SOFFICE is None:
            xlsxtest.skip("LibreOffice is not installed (libreoffice-calc-nogui)")
        for lc_all in LOCALES:
            if lc_all != "C.UTF-8" and not xlsxtest.locale_available(lc_all):
                self.skipTest(f"locale {lc_all} is not generated")
            tag = lc_all.split(".")[0]
            results = LO.recalculate(self.export_all(lc_all), self.path(f"lo-{tag}"),
                                     self.path(f"profile-{tag}"), lc_all=lc_all)
            for source, result in zip(self.sources, results):
                with self.subTest(source=os.path.basename(source), locale=lc_all):
                    self.assertAssessmentMatches(result, self.apps[source], lc_all == "C.UTF-8",
                                                 "LibreOffice")

    def test_gnumeric(self):
        if SSCONVERT is None:
            xlsxtest.skip("Gnumeric is not installed (gnumeric, for ssconvert)")
        for lc_all in LOCALES:
            if lc_all != "C.UTF-8" and not xlsxtest.locale_available(lc_all):
                self.skipTest(f"locale {lc_all} is not generated")
            tag = lc_all.split(".")[0]
            results = gnumeric_recalculate(self.export_all(lc_all), self.path(f"gnumeric-{tag}"),
                                           lc_all=lc_all)
            for source, result in zip(self.sources, results):
                with self.subTest(source=os.path.basename(source), locale=lc_all):
                    self.assertAssessmentMatches(result, self.apps[source], lc_all == "C.UTF-8",
                                                 "Gnumeric")

    def test_gnumeric_recalculates(self):
        """Proof that ssconvert --recalc really recalculates: a level edited
        with openpyxl (formulas kept, stored values stale) changes the
        scores Gnumeric gives"""
        if SSCONVERT is None:
            xlsxtest.skip("Gnumeric is not installed (gnumeric, for ssconvert)")
        out = self.path("edit.xlsx")
        xlsxtest.export(EXAMPLES[0], out)
        wb = load(out, data_only=False)
        answers = wb.worksheets[ANSWERS]
        data = xlsxtest.load_json(EXAMPLES[0])
        for row in range(2, answers.max_row + 1):
            qid = answers[f"C{row}"].value
            if qid.startswith("1."):
                answers[f"E{row}"] = "N/A"
                data["answers"][qid] = {"not_applicable": True, "reason": "edited"}
            elif qid.startswith("2."):
                answers[f"E{row}"] = 1
                data["answers"][qid] = {"level": 1}
        wb.save(out)
        edited = self.path("edit.emsa")
        write_json(edited, data)
        result, = gnumeric_recalculate([out], self.path("gnumeric-edit"))
        self.assertAssessmentMatches(result, xlsxtest.summary(edited), True, "Gnumeric")

    def test_where_to_start(self):
        for source in self.sources:
            with self.subTest(source=os.path.basename(source)):
                out = self.path(f"where-{os.path.basename(source)}.xlsx")
                xlsxtest.export(source, out)
                ws = load(out).worksheets[WHERE]
                expected = where_to_start_by_hand(source, self.apps[source], self.checklist)
                header = [c.value for c in ws[PLAN_FIRST_ROW - 1]]
                self.assertEqual(header, ["#", "Element", "Question", "Question text", "Level",
                                          "Target level", "Next step", "Effort"])
                first_five = self.apps[source]["next_steps"]
                self.assertEqual([e["id"] for e in expected[:5]], [s["question"] for s in first_five])
                for i, entry in enumerate(expected):
                    row = [c.value for c in ws[PLAN_FIRST_ROW + i]]
                    self.assertEqual(row, [i + 1, entry["element"], entry["id"], entry["text"],
                                           entry["level"], entry["target"], entry["step"]["text"],
                                           entry["step"]["effort"].capitalize()], f"rank {i + 1}")
                after = ws[f"A{PLAN_FIRST_ROW + len(expected)}"].value
                self.assertIn(after, (None, ""))
                if not expected:
                    self.assertTrue(ws[f"D{PLAN_FIRST_ROW}"].value)


class Comparison(xlsxtest.TestCase):
    """The comparison workbook's formulas, recalculated by Gnumeric and by
    LibreOffice in both locales, give the values the export stored (which
    test-xlsx-compare.py checks against the app's statistics)"""

    def test_gnumeric(self):
        if SSCONVERT is None:
            xlsxtest.skip("Gnumeric is not installed (gnumeric, for ssconvert)")
        self.recalculated_by(lambda paths, outdir, tmp, lc_all:
                             gnumeric_recalculate(paths, outdir, lc_all=lc_all))

    def test_libreoffice(self):
        if LO.SOFFICE is None:
            xlsxtest.skip("LibreOffice is not installed (libreoffice-calc-nogui)")
        self.recalculated_by(lambda paths, outdir, tmp, lc_all:
                             LO.recalculate(paths, outdir, os.path.join(tmp, "profile-" + os.path.basename(outdir)),
                                            lc_all=lc_all))

    def recalculated_by(self, recalculate):
        with tempfile.TemporaryDirectory(prefix="test-xlsx-recalc-compare-") as tmp:
            files, _ = COMPARE.make_participants(tmp)
            for lc_all in LOCALES:
                if lc_all != "C.UTF-8" and not xlsxtest.locale_available(lc_all):
                    continue
                tag = lc_all.split(".")[0]
                named = os.path.join(tmp, f"named-{tag}.xlsx")
                anon = os.path.join(tmp, f"anon-{tag}.xlsx")
                self.assertEqual(COMPARE.compare(files, named, lc_all=lc_all).returncode, 0)
                self.assertEqual(COMPARE.compare(files, anon, anonymise=True, lc_all=lc_all).returncode, 0)
                results = recalculate([named, anon], os.path.join(tmp, f"recalculated-{tag}"), tmp, lc_all)
                for source, result in zip((named, anon), results):
                    with self.subTest(result=os.path.basename(result)):
                        self.assertSameValues(source, result)

    def assertSameValues(self, source, result):
        stored = load(source)
        recalc = load(result)
        # Statistics, Distribution and Changes hold the formulas
        for index in (1, 2, 4):
            a, b = stored.worksheets[index], recalc.worksheets[index]
            n = 0
            for row in a.iter_rows():
                for cell in row:
                    mine = cell.value
                    theirs = b[cell.coordinate].value
                    where = f"{a.title}!{cell.coordinate}"
                    if isinstance(mine, (int, float)) and not isinstance(mine, bool):
                        self.assertIsInstance(theirs, (int, float), where)
                        self.assertTrue(math.isclose(mine, theirs, rel_tol=1e-12, abs_tol=1e-9),
                                        f"{where}: {mine} != {theirs}")
                        n += 1
                    elif mine in (None, ""):
                        self.assertIn(theirs, (None, ""), where)
                    else:
                        self.assertEqual(mine, theirs, where)
            self.assertGreater(n, 0, a.title)


if __name__ == "__main__":
    if SSCONVERT is None and LO.SOFFICE is None:
        xlsxtest.skip("neither Gnumeric nor LibreOffice is installed")
    xlsxtest.main()
