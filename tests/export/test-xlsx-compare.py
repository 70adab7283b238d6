# test-xlsx-compare.py: the comparison workbook (workshop mode), read back
#
# ten-elements --compare FILE… [--anonymise] --export OUT.xlsx writes the
# workbook; openpyxl, the zip parts and LibreOffice (recalculating on load)
# check it against the app's own numbers (--summary --json, --compare
# --json) and against statistics computed here by hand. A set of generated
# participants covers renamed copies, an element with no score, a follow-up
# of an earlier date, hostile text and a broken file that is left out.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import hashlib
import html
import importlib.util
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import zipfile

import xlsxtest
from xlsxtest import EXAMPLES

xlsxtest.require_openpyxl()
import openpyxl  # noqa: E402

SHEETS = ["Matrix", "Statistics", "Distribution", "Priorities", "Changes", "Method"]
NULL_MARK = "—"
# Statistics sheet columns (1-based): mean … target
ST = dict(mean=3, median=4, min=5, max=6, stddev=7, n_scored=8, n_null=9, target=10)
# Distribution: header on row 2, element rows from 3
DI_FIRST_ROW = 3
# Changes columns (1-based)
CH_FIRST, CH_LAST, CH_DELTA, CH_DIRECTION = 7, 8, 9, 10

NULL_ELEMENT = 4   # fully unanswered in the generated participant "p5"
HOSTILE_NAME = "=HYPERLINK(\"http://x.invalid\",\"y\")\x01\x07 " + "Ż" * 300


def load_libreoffice_helpers():
    """recalculate() and SOFFICE from test-xlsx-libreoffice.py, not a copy"""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(
        "xlsx_libreoffice", os.path.join(here, "test-xlsx-libreoffice.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lower_levels(data, by):
    for answer in data["answers"].values():
        if "level" in answer:
            answer["level"] = max(0, min(4, answer["level"] - by))


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


def make_participants(folder):
    """The three examples plus generated files; returns (good, broken)"""
    one, two, three = (xlsxtest.load_json(p) for p in EXAMPLES)
    made = []

    # A renamed copy of example 1 with lower levels and new private texts
    p4 = copy.deepcopy(one)
    p4["organisation"].update(name="Harbourview Anodizing Ltd.", site="Dartmouth, Nova Scotia")
    p4["assessor"] = "Jean-Luc Tremblay, consultant"
    lower_levels(p4, 1)
    for i, answer in enumerate(p4["answers"].values()):
        if "note" in answer:
            answer["note"] = f"Harbourview private note number {i}"
        if "evidence" in answer:
            answer["evidence"] = f"Harbourview evidence binder {i}"
    for action in p4.get("actions", []):
        action["owner"] = "Rosalind Okafor (Harbourview)"
    made.append(("04-harbourview.emsa", p4))

    # A copy of example 2 with element 4 fully unanswered: a null score
    p5 = copy.deepcopy(two)
    p5["organisation"].update(name="Textiles Solares de Puebla", site="Puebla, Puebla")
    p5["assessor"] = "Ximena Castañeda Robles"
    p5["answers"] = {k: v for k, v in p5["answers"].items()
                     if not k.startswith(f"{NULL_ELEMENT}.")}
    made.append(("05-textiles-solares.emsa", p5))

    # A follow-up: example 3's organisation and site a year earlier
    p6 = copy.deepcopy(three)
    p6["assessed_on"] = "2025-04-22"
    lower_levels(p6, 2)
    made.append(("06-gem-city-2025.emsa", p6))

    # Hostile text in the name: formula-like, control characters, long
    p7 = copy.deepcopy(three)
    p7["organisation"].update(name=HOSTILE_NAME, site="Ünïcödé 🌍 שלום")
    p7["assessed_on"] = "2026-05-01"
    made.append(("07-hostile.emsa", p7))

    good = list(EXAMPLES)
    for name, data in made:
        path = os.path.join(folder, name)
        write_json(path, data)
        good.append(path)

    broken = os.path.join(folder, "08-broken-upload.emsa")
    with open(broken, "w", encoding="utf-8") as f:
        f.write('{"format": "ten-elements-assessment", "format_version": 1, "answers": {')
    return good, broken


def compare(files, out, anonymise=False, lc_all="C.UTF-8"):
    args = ["--compare"] + files + (["--anonymise"] if anonymise else []) + ["--export", out]
    return xlsxtest.run(args, lc_all=lc_all, check=False)


def private_texts(path):
    """Everything an anonymised export must not show for one input file"""
    texts = {os.path.basename(path), os.path.splitext(os.path.basename(path))[0]}
    try:
        data = xlsxtest.load_json(path)
    except ValueError:
        return texts
    org = data.get("organisation", {})
    texts.update(t for t in (org.get("name"), org.get("site"), data.get("assessor")) if t)
    for answer in data.get("answers", {}).values():
        texts.update(answer[k] for k in ("note", "evidence") if answer.get(k))
    for action in data.get("actions", []):
        if action.get("owner"):
            texts.add(action["owner"])
    return texts


class Comparison(xlsxtest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="test-xlsx-compare-")
        cls.dir = cls.tmp.name
        cls.files, cls.broken = make_participants(cls.dir)
        cls.inputs = cls.files[:3] + [cls.broken] + cls.files[3:]

        cls.named = os.path.join(cls.dir, "workshop.xlsx")
        cls.proc = compare(cls.inputs, cls.named)
        cls.anon = os.path.join(cls.dir, "workshop-anonymous.xlsx")
        cls.anon_proc = compare(cls.inputs, cls.anon, anonymise=True)

        cls.json = json.loads(xlsxtest.run(["--compare", "--json"] + cls.files).stdout)
        cls.anon_json = json.loads(xlsxtest.run(["--compare", "--json", "--anonymise"]
                                                + cls.files).stdout)
        cls.summaries = [xlsxtest.summary(f) for f in cls.files]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def open(self, path=None, data_only=True):
        return openpyxl.load_workbook(path or self.named, data_only=data_only)

    # The set ---------------------------------------------------------------

    def test_broken_file_is_left_out(self):
        for proc, out in ((self.proc, self.named), (self.anon_proc, self.anon)):
            # The broken file is reported (non-zero exit), the rest compare
            self.assertNotEqual(proc.returncode, 0)
            self.assertIn("08-broken-upload.emsa", proc.stderr)
            self.assertTrue(os.path.exists(out), proc.stderr)
            ws = self.open(out)["Matrix"]
            self.assertEqual(ws.max_row, 1 + len(self.files))
        self.assertEqual(len(self.json["participants"]), len(self.files))

    def test_sheet_names(self):
        self.assertEqual(self.open().sheetnames, SHEETS)
        self.assertEqual(self.open(self.anon).sheetnames, SHEETS)
        # No follow-up in the three examples: no Changes sheet
        out = self.path("examples.xlsx")
        proc = compare(EXAMPLES, out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(self.open(out).sheetnames, [s for s in SHEETS if s != "Changes"])

    # Matrix ----------------------------------------------------------------

    def test_matrix_is_the_apps_scores(self):
        for out in (self.named, self.anon):
            ws = self.open(out)["Matrix"]
            header = [c.value for c in ws[1]]
            self.assertEqual(header[0], "Participant")
            self.assertTrue(header[1].startswith("1. Environmental Policy"))
            overall_col = header.index("Overall") + 1
            self.assertEqual(overall_col, 12)
            for i, app in enumerate(self.summaries):
                row = i + 2
                msg = f"{out} {os.path.basename(self.files[i])}"
                for element in app["elements"]:
                    cell = ws.cell(row, 1 + element["number"])
                    if element["score"] is None:
                        self.assertEqual(cell.value, NULL_MARK, msg)
                    else:
                        self.assertScore(cell.value, element["score"], msg)
                        self.assertEqual(cell.data_type, "n", msg)
                if app["overall"] is None:
                    self.assertEqual(ws.cell(row, overall_col).value, NULL_MARK)
                else:
                    self.assertScore(ws.cell(row, overall_col).value, app["overall"], msg)
                self.assertScore(ws.cell(row, overall_col + 1).value, app["target"], msg)
                self.assertScore(ws.cell(row, overall_col + 2).value, app["coverage"], msg)

    def test_matrix_null_is_never_zero(self):
        p5 = self.files.index(self.path("05-textiles-solares.emsa"))
        self.assertIsNone(self.summaries[p5]["elements"][NULL_ELEMENT - 1]["score"])
        ws = self.open()["Matrix"]
        cell = ws.cell(p5 + 2, 1 + NULL_ELEMENT)
        self.assertEqual(cell.value, NULL_MARK)
        self.assertEqual(cell.data_type, "s")

    def test_matrix_band_words_and_layout(self):
        ws = self.open(data_only=False)["Matrix"]
        fmt = ws["B2"].number_format
        for word in ("Red", "Amber", "Green"):
            self.assertIn(word, fmt)
        self.assertIn("[<40]", fmt)
        self.assertEqual(ws.freeze_panes, "B2")
        self.assertEqual(ws.auto_filter.ref, f"A1:O{1 + len(self.files)}")
        self.assertEqual(self.open(self.anon)["Matrix"].auto_filter.ref,
                         f"A1:N{1 + len(self.files)}")
        # Band colours follow the scores
        rules = [r for cf in ws.conditional_formatting for r in cf.rules]
        self.assertEqual(len(rules), 3)

    def test_labels(self):
        ws = self.open()["Matrix"]
        labels = [ws.cell(r, 1).value for r in range(2, 2 + len(self.files))]
        # The app's labels, less the control characters a cell cannot hold
        self.assertEqual(labels, [re.sub(r"[\x00-\x08\x0b-\x1f]", "", p["label"])
                                  for p in self.json["participants"]])
        self.assertEqual(labels[0], "Northshore Metal Finishing Inc.")
        # Two assessments of Gem City Print, Dayton: told apart by date
        self.assertIn("(2026-04-22)", labels[2])
        self.assertIn("(2025-04-22)", labels[5])
        anon = self.open(self.anon)["Matrix"]
        self.assertEqual([anon.cell(r, 1).value for r in range(2, 2 + len(self.files))],
                         [f"Participant {c}" for c in "ABCDEFG"])

    def test_hostile_text_is_text(self):
        ws = self.open(data_only=False)["Matrix"]
        hostile = self.files.index(self.path("07-hostile.emsa"))
        cell = ws.cell(hostile + 2, 1)
        self.assertEqual(cell.data_type, "s")
        self.assertTrue(cell.value.startswith('=HYPERLINK("http://x.invalid","y") '), cell.value[:60])
        self.assertNotIn("\x01", cell.value)
        self.assertNotIn("\x07", cell.value)
        self.assertIn("Ż" * 300, cell.value)

    # Statistics ------------------------------------------------------------

    def test_statistics_are_the_apps_and_by_hand(self):
        for out, app in ((self.named, self.json), (self.anon, self.anon_json)):
            ws = self.open(out)["Statistics"]
            self.assertEqual([c.value for c in ws[1]][:3], ["#", "Element", "Mean"])
            for element in app["elements"]:
                row = element["number"] + 1
                msg = f"element {element['number']}"
                self.assertEqual(ws.cell(row, 1).value, element["number"])
                for key, col in ST.items():
                    if key == "target":
                        continue
                    self.assertScore(ws.cell(row, col).value, element[key], f"{msg} {key}")

                # By hand, from each file's --summary --json
                scores = [s["elements"][element["number"] - 1]["score"] for s in self.summaries]
                scored = [s for s in scores if s is not None]
                self.assertEqual(ws.cell(row, ST["n_scored"]).value, len(scored), msg)
                self.assertEqual(ws.cell(row, ST["n_null"]).value, len(scores) - len(scored), msg)
                self.assertAlmostEqual(ws.cell(row, ST["mean"]).value, statistics.fmean(scored), places=9)
                self.assertAlmostEqual(ws.cell(row, ST["median"]).value, statistics.median(scored), places=9)
                self.assertAlmostEqual(ws.cell(row, ST["min"]).value, min(scored), places=9)
                self.assertAlmostEqual(ws.cell(row, ST["max"]).value, max(scored), places=9)
                self.assertAlmostEqual(ws.cell(row, ST["stddev"]).value, statistics.pstdev(scored), places=9)
                targets = [s["target"] for s in self.summaries]
                self.assertAlmostEqual(ws.cell(row, ST["target"]).value, statistics.fmean(targets), places=9)

    def test_null_left_out_of_statistics_and_counted(self):
        element = self.json["elements"][NULL_ELEMENT - 1]
        self.assertEqual(element["n_null"], 1)
        self.assertEqual(element["n_scored"], len(self.files) - 1)
        ws = self.open()["Statistics"]
        self.assertEqual(ws.cell(NULL_ELEMENT + 1, ST["n_null"]).value, 1)
        # The mean is over the scored participants only, not a 0 for the null
        scored = [s["elements"][NULL_ELEMENT - 1]["score"] for s in self.summaries]
        scored = [s for s in scored if s is not None]
        self.assertAlmostEqual(ws.cell(NULL_ELEMENT + 1, ST["mean"]).value,
                               sum(scored) / len(scored), places=9)

    def test_statistics_formulas(self):
        ws = self.open(data_only=False)["Statistics"]
        n = len(self.files)
        expected = {"mean": "AVERAGE", "median": "MEDIAN", "min": "MIN", "max": "MAX",
                    "stddev": "STDEV.P"}
        for key, function in expected.items():
            formula = ws.cell(2, ST[key]).value
            self.assertTrue(formula.startswith("=IF(COUNT('Matrix'!$B$2:$B$"), formula)
            self.assertIn(f"{function}('Matrix'!$B$2:$B${n + 1})", formula)
            self.assertNotIn("[", formula)   # plain A1, no structured reference
        self.assertEqual(ws.cell(2, ST["n_scored"]).value, f"=COUNT('Matrix'!$B$2:$B${n + 1})")
        self.assertEqual(ws.freeze_panes, "C2")
        self.assertEqual(ws.auto_filter.ref, "A1:J11")

    # Distribution, priorities, changes ------------------------------------

    def test_distribution(self):
        ws = self.open()["Distribution"]
        self.assertEqual([c.value for c in ws[2]], ["#", "Element", "Red", "Amber", "Green", "No score"])
        for e in range(1, 11):
            bands = [s["elements"][e - 1]["band"] for s in self.summaries]
            row = DI_FIRST_ROW + e - 1
            self.assertEqual([ws.cell(row, c).value for c in range(3, 7)],
                             [bands.count("red"), bands.count("amber"),
                              bands.count("green"), bands.count(None)], f"element {e}")

    def test_priorities(self):
        ws = self.open()["Priorities"]
        rows = list(ws.iter_rows(values_only=True))
        titles = [i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("Where")]
        self.assertEqual(len(titles), 2)
        for title, key in zip(titles, ("disagreement", "weakest")):
            ranked = [rows[title + 2 + i][1] for i in range(10)]
            self.assertEqual(ranked, self.json[key], key)
            self.assertEqual([rows[title + 2 + i][0] for i in range(10)], list(range(1, 11)))
        first = rows[titles[0] + 2]
        element = self.json["elements"][first[1] - 1]
        self.assertAlmostEqual(first[3], element["stddev"], places=9)

        zero_title = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("Questions most often"))
        zero_rows = rows[zero_title + 2: zero_title + 2 + len(self.json["most_zero"])]
        self.assertEqual([(r[1], r[3], r[4]) for r in zero_rows],
                         [(z["id"], z["n_zero"], z["n_answered"]) for z in self.json["most_zero"]])
        self.assertTrue(len(zero_rows) > 0)

    def test_changes(self):
        ws = self.open()["Changes"]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        # Gem City Print, Dayton: example 3 (2026) follows up 06 (2025)
        self.assertEqual(len(self.json["follow_ups"]), 1)
        gem = self.json["follow_ups"][0]
        self.assertEqual(gem["name"], "Gem City Print LLC")
        self.assertEqual(len(rows), 10)
        first_file = self.files.index(self.path("06-gem-city-2025.emsa"))
        last_file = self.files.index(EXAMPLES[2])
        for e, row in enumerate(rows, start=1):
            self.assertEqual(row[0], "Gem City Print LLC")
            self.assertEqual(row[1], "Dayton, Ohio")
            self.assertEqual(row[4], e)
            self.assertEqual(row[2], gem["participants"][0])
            self.assertEqual(row[3], gem["participants"][-1])
            self.assertIn("2025-04-22", row[2])
            self.assertScore(row[CH_FIRST - 1], self.summaries[first_file]["elements"][e - 1]["score"])
            self.assertScore(row[CH_LAST - 1], self.summaries[last_file]["elements"][e - 1]["score"])
            delta = gem["deltas"][e - 1]
            if delta is None:
                self.assertEqual(row[CH_DELTA - 1], "")
                self.assertEqual(row[CH_DIRECTION - 1], "")
            else:
                self.assertAlmostEqual(row[CH_DELTA - 1], delta, places=9)
                self.assertAlmostEqual(row[CH_LAST - 1] - row[CH_FIRST - 1], delta, places=9)
                self.assertEqual(row[CH_DIRECTION - 1], "↑" if delta > 0 else "↓" if delta < 0 else "=")
        self.assertEqual(ws.freeze_panes, "A2")
        self.assertIsNotNone(ws.auto_filter.ref)

    # Charts, method, properties -------------------------------------------

    def test_native_charts(self):
        with zipfile.ZipFile(self.named) as z:
            charts = {n: z.read(n).decode() for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)}
            self.assertEqual(len(charts), 3)
            radar = [x for x in charts.values() if "<c:radarChart>" in x]
            bars = [x for x in charts.values() if "<c:barChart>" in x]
            self.assertEqual(len(radar), 1)
            self.assertEqual(len(bars), 2)
            # The radar: mean, target, minimum and maximum from Statistics
            for col in "CJEF":
                self.assertRegex(radar[0], rf"<c:f>'?Statistics'?!\${col}\$2:\${col}\$11</c:f>")
            self.assertTrue(any(re.search(r"<c:f>'?Statistics'?!\$G\$2:\$G\$11</c:f>", b) for b in bars))
            self.assertTrue(any(re.search(r"<c:f>'?Distribution'?!\$C\$3:\$C\$12</c:f>", b) for b in bars))
            self.assertTrue(any("<c:grouping val=\"stacked\"/>" in b for b in bars))

    def test_method(self):
        ws = self.open()["Method"]
        values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
        self.assertEqual(values["Participants"], str(len(self.files)))
        self.assertTrue(values["Anonymised"].startswith("No"))
        self.assertEqual(values["Exported"], "2026-11-23T18:30:00+00:00")
        self.assertTrue(values["Application"].startswith("Ten Elements") or values["Application"])
        rows = list(ws.iter_rows(values_only=True))
        start = next(i for i, r in enumerate(rows) if r[0] == "Participant" and r[1] == "File")
        for i, source in enumerate(self.files):
            label, name, digest = rows[start + 1 + i][:3]
            self.assertEqual(name, os.path.basename(source))
            with open(source, "rb") as f:
                self.assertEqual(digest, hashlib.sha256(f.read()).hexdigest())

        anon = self.open(self.anon)["Method"]
        values = {r[0]: r[1] for r in anon.iter_rows(values_only=True) if r[0]}
        self.assertTrue(values["Anonymised"].startswith("Yes"))
        self.assertNotIn("File", [r[1] for r in anon.iter_rows(values_only=True)])

    def test_properties(self):
        for out in (self.named, self.anon):
            props = self.open(out).properties
            self.assertIn(props.creator, (None, ""))
            self.assertEqual(props.title, "Environmental self-assessments compared")
            self.assertEqual(props.created.year, 2026)

    # Anonymised ------------------------------------------------------------

    def test_anonymised_names_nobody(self):
        secrets = set()
        for path in self.inputs:
            secrets |= private_texts(path)
        secrets |= {"Harbourview", "Gem City", "Northshore", "Bajío", "Dayton", "Hamilton", "Puebla"}
        secrets = {s.strip() for s in secrets if len(s.strip()) >= 4}
        self.assertIn("Priya Raman, EHS Coordinator", secrets)
        self.assertIn("Rosalind Okafor (Harbourview)", secrets)
        self.assertIn("08-broken-upload.emsa", secrets)

        with zipfile.ZipFile(self.anon) as z:
            parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
        self.assertIn("docProps/core.xml", parts)
        self.assertIn("docProps/app.xml", parts)
        for secret in sorted(secrets):
            forms = {secret, html.escape(secret, quote=False), html.escape(secret, quote=True),
                     secret.replace("'", "&apos;")}
            for name, text in parts.items():
                for form in forms:
                    self.assertNotIn(form, text, f"{secret!r} in {name}")
        # Dates and the long hostile name are gone too
        for name, text in parts.items():
            self.assertNotIn("Ż" * 20, text, name)
            self.assertNotIn("2025-04-22", text, name)
        # The named export does hold them: the search would find a leak
        with zipfile.ZipFile(self.named) as z:
            named = "".join(z.read(n).decode("utf-8") for n in z.namelist())
        self.assertIn("Northshore Metal Finishing Inc.", named)
        self.assertIn("06-gem-city-2025.emsa", named)

    # Files -----------------------------------------------------------------

    def test_reproducible(self):
        again = self.path("again.xlsx")
        compare(self.inputs, again)
        with open(self.named, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_failures_name_the_file_and_write_nothing(self):
        missing = self.path("no-such-folder", "out.xlsx")
        proc = compare(EXAMPLES, missing)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("out.xlsx", proc.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))

        # A folder in the way: the error names it, the folder is untouched
        in_the_way = self.path("in-the-way.xlsx")
        os.makedirs(os.path.join(in_the_way, "inside"))
        proc = compare(EXAMPLES, in_the_way)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("in-the-way.xlsx", proc.stderr)
        self.assertEqual(os.listdir(in_the_way), ["inside"])
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".in-the-way")], [])

        # A format the comparison cannot be written in: a usage error, no file
        odt = self.path("handout.odt")
        proc = compare(EXAMPLES, odt)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(".xlsx, .pdf or .csv", proc.stderr)
        self.assertFalse(os.path.exists(odt))

    def test_failed_export_keeps_the_existing_file(self):
        folder = self.path("readonly")
        os.makedirs(folder)
        target = os.path.join(folder, "keep.xlsx")
        shutil.copy(self.named, target)
        os.chmod(folder, 0o555)
        try:
            if os.access(folder, os.W_OK):
                self.skipTest("running as root: permissions are not enforced")
            proc = compare(EXAMPLES, target)
            self.assertNotEqual(proc.returncode, 0)
            self.assertIn("keep.xlsx", proc.stderr)
            with open(self.named, "rb") as a, open(target, "rb") as b:
                self.assertEqual(a.read(), b.read())
        finally:
            os.chmod(folder, 0o755)

    def test_locales(self):
        """The numbers do not depend on the locale (LC_NUMERIC trap)"""
        for loc in ["fr_FR.UTF-8", "es_MX.UTF-8"]:
            with self.subTest(locale=loc):
                if not xlsxtest.locale_available(loc):
                    self.skipTest(f"locale {loc} is not generated")
                out = self.path(f"{loc}.xlsx")
                compare(self.inputs, out, lc_all=loc)
                here, there = self.open(), self.open(out)
                for sheet in (0, 1, 2):
                    a = [[c for c in r if isinstance(c, (int, float))]
                         for r in here.worksheets[sheet].iter_rows(values_only=True)]
                    b = [[c for c in r if isinstance(c, (int, float))]
                         for r in there.worksheets[sheet].iter_rows(values_only=True)]
                    self.assertEqual(a, b)


class LibreOffice(xlsxtest.TestCase):
    """LibreOffice recalculates every formula on load: the Statistics,
    Distribution and Changes values must come out as stored."""

    def test_recalculated_values_equal_stored(self):
        lo = load_libreoffice_helpers()
        if lo.SOFFICE is None:
            self.skipTest("LibreOffice is not installed (libreoffice-calc-nogui)")
        with tempfile.TemporaryDirectory(prefix="test-xlsx-compare-lo-") as tmp:
            files, broken = make_participants(tmp)
            named = os.path.join(tmp, "named.xlsx")
            anon = os.path.join(tmp, "anon.xlsx")
            compare(files, named)
            compare(files, anon, anonymise=True)

            # Proof that recalculation really happens: a wrong stored mean
            tampered = os.path.join(tmp, "tampered.xlsx")
            with zipfile.ZipFile(named) as zin, zipfile.ZipFile(tampered, "w") as zout:
                for item in zin.infolist():
                    part = zin.read(item.filename)
                    if item.filename == "xl/worksheets/sheet2.xml":
                        part, n = re.subn(rb'(<c r="C2"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)',
                                          rb"\g<1>999\g<2>", part)
                        self.assertEqual(n, 1)
                    zout.writestr(item, part)

            results = lo.recalculate([named, anon, tampered], os.path.join(tmp, "lo"),
                                     os.path.join(tmp, "profile"))
            for result, source in zip(results, (named, anon, named)):
                stored = openpyxl.load_workbook(source, data_only=True)
                with self.subTest(result=os.path.basename(result)):
                    recalc = openpyxl.load_workbook(result, data_only=True)
                    self.assertEqual(recalc.sheetnames, SHEETS)
                    for sheet in ("Statistics", "Distribution", "Changes"):
                        a, b = stored[sheet], recalc[sheet]
                        for row in a.iter_rows():
                            for cell in row:
                                if cell.data_type == "s" and cell.value in ("", None):
                                    continue
                                mine = cell.value
                                theirs = b[cell.coordinate].value
                                where = f"{sheet}!{cell.coordinate}"
                                if isinstance(mine, (int, float)) and not isinstance(mine, bool):
                                    self.assertIsInstance(theirs, (int, float), where)
                                    self.assertTrue(math.isclose(mine, theirs, rel_tol=1e-12, abs_tol=1e-9),
                                                    f"{where}: {mine} != {theirs}")
                                elif mine in (None, ""):
                                    self.assertIn(theirs, (None, ""), where)
                                else:
                                    self.assertEqual(mine, theirs, where)


if __name__ == "__main__":
    xlsxtest.main()
