#!/usr/bin/python3
# test-cli-io.py: the command line with our workbooks as input (the
# questionnaire and the assessment workbook), the questionnaire export and
# the CSV outputs, as the domain brief's "Workbooks as input" says.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import openpyxl

EXE = os.environ["TEN_ELEMENTS"]
EXAMPLES = sorted(glob.glob(os.path.join(os.environ["EMS_EXAMPLES_DIR"], "*.emsa")))
FULL = EXAMPLES[0]
SUMMARY_HEADER = (["file", "organisation", "site", "assessed_on", "overall", "coverage", "target", "band"]
                  + [f"element_{e}" for e in range(1, 11)])
FORMULA_START = ("=", "+", "-", "@")


def env_for(lang="C.UTF-8", **extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE") and not k.startswith("LC_")}
    env.update(GDK_BACKEND="no-such-backend", LC_ALL=lang, LANG=lang, SOURCE_DATE_EPOCH="1795458600")
    env.update(extra)
    return env


def run(*args, lang="C.UTF-8", check_exit=0, env=None):
    proc = subprocess.run([EXE, *args], capture_output=True, env=env or env_for(lang), timeout=60)
    # Decoded by hand: text=True would turn the CSV's CR LF into LF
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    if check_exit is not None and proc.returncode != check_exit:
        raise AssertionError(f"{args}: exit {proc.returncode}, expected {check_exit}\n"
                             f"stdout: {proc.stdout[:2000]}\nstderr: {proc.stderr[:2000]}")
    return proc


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
        return f.read()


def summary(path, lang="C.UTF-8"):
    return json.loads(run("--summary", "--json", path, lang=lang).stdout)[0]


def answer_sheet(wb):
    """The sheet and the columns (1-based) of ID and Level, found by heading"""
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=1, max_row=20):
            heads = {str(c.value).strip(): c.column for c in row if c.value is not None}
            ident = heads.get("ID") or heads.get("Question")
            if ident and "Level" in heads:
                return ws, row[0].row, ident, heads["Level"]
    raise AssertionError("no answer sheet")


def set_levels(path, out, levels):
    """Types @levels ({question id: value}) into the workbook at @path, as
    an owner would, saved by openpyxl to @out. Returns the cells typed."""
    wb = openpyxl.load_workbook(path)
    ws, header, ident, level = answer_sheet(wb)
    cells = {}
    for r in range(header + 1, ws.max_row + 1):
        qid = ws.cell(r, ident).value
        if qid in levels:
            ws.cell(r, level).value = levels[qid]
            cells[qid] = f"{ws.title}!{ws.cell(r, level).coordinate}"
    wb.save(out)
    return cells


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="test-cli-io-")
        self.doc = json.loads(read(FULL))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def questionnaire(self, source=None, name="q.xlsx", lang="C.UTF-8"):
        out = self.path(name)
        run("--export", out, "--questionnaire", *([source] if source else []), lang=lang)
        return out

    def workbook(self, source=FULL, name="a.xlsx"):
        out = self.path(name)
        run("--export", out, source)
        return out

    def emsa(self, doc, name="x.emsa"):
        out = self.path(name)
        with open(out, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        return out


class Workbooks(Base):
    def assertSameScores(self, a, b):
        for key in ("organisation", "site", "overall", "coverage", "target"):
            self.assertEqual(a[key], b[key], key)
        self.assertEqual([(e["score"], e["coverage"], e["band"], e["red_flag"]) for e in a["elements"]],
                         [(e["score"], e["coverage"], e["band"], e["red_flag"]) for e in b["elements"]])

    def test_blank_questionnaire(self):
        q = self.questionnaire()
        wb = openpyxl.load_workbook(q)
        self.assertIn("ten-elements", wb.sheetnames)
        run("--validate", q)
        s = summary(q)
        self.assertIsNone(s["overall"])
        self.assertEqual(s["coverage"], 0)

    def test_prefilled_questionnaire_and_workbook_score_as_the_emsa(self):
        reference = summary(FULL)
        for path in (self.questionnaire(FULL), self.workbook()):
            with self.subTest(path=os.path.basename(path)):
                run("--validate", path)
                self.assertSameScores(summary(path), reference)

    def test_questionnaire_in_french_reads_back(self):
        q = self.questionnaire(FULL, lang="fr_FR.UTF-8")
        self.assertSameScores(summary(q), summary(FULL))

    def test_levels_typed_as_numbers_and_texts(self):
        ids = [f"1.{n}" for n in range(1, 6)]
        typed = {ids[0]: 4, ids[1]: "4", ids[2]: "4 – anything", ids[3]: "n/a", ids[4]: "NA"}
        for src in (self.questionnaire(), self.workbook()):
            with self.subTest(src=os.path.basename(src)):
                out = self.path("typed-" + os.path.basename(src))
                set_levels(src, out, typed)
                s = summary(out)
                if src.endswith("q.xlsx"):
                    self.assertEqual(s["elements"][0]["score"], 100)

    def test_bad_cell_is_reported_with_sheet_and_cell(self):
        q = self.questionnaire(FULL)
        out = self.path("bad.xlsx")
        cells = set_levels(q, out, {"2.1": "high"})
        proc = run("--validate", out, check_exit=1)
        self.assertIn(cells["2.1"], proc.stderr)
        self.assertIn("high", proc.stderr)
        self.assertIn("error: ", proc.stderr)
        # Elsewhere the rest imports, and the problem is still said
        proc = run("--summary", "--json", out)
        self.assertIn(cells["2.1"], proc.stderr)
        self.assertEqual(json.loads(proc.stdout)[0]["organisation"], self.doc["organisation"]["name"])
        for args in (["--export", self.path("bad.emsa")], ["--export", self.path("bad.csv")],
                     ["--compare", "--json"]):
            with self.subTest(args=args):
                proc = run(*args, out)
                self.assertIn(cells["2.1"], proc.stderr)

    def test_not_a_workbook(self):
        fake = self.path("fake.xlsx")
        with open(fake, "w") as f:
            f.write("hello\n")
        for args in (["--validate"], ["--summary"], ["--summary", "--csv"], ["--export", self.path("o.csv")]):
            with self.subTest(args=args):
                proc = run(*args, fake, check_exit=1)
                self.assertIn("fake.xlsx", proc.stderr)
                self.assertIn("zip", proc.stderr)
        self.assertFalse(os.path.exists(self.path("o.csv")))

    def test_convert_to_emsa(self):
        for src in (self.questionnaire(FULL), self.workbook()):
            with self.subTest(src=os.path.basename(src)):
                out = self.path("converted.emsa")
                run("--export", out, src)
                doc = json.loads(read(out))
                self.assertEqual(doc["format"], "ten-elements-assessment")
                self.assertEqual(doc["organisation"]["name"], self.doc["organisation"]["name"])
                levels = {k: v.get("level") for k, v in doc["answers"].items()}
                self.assertEqual(levels, {k: v.get("level") for k, v in self.doc["answers"].items()
                                          if "level" in v or v.get("not_applicable")})
                run("--validate", out)
        # The workbook converted keeps the plan, the questionnaire has none
        self.assertEqual(len(doc["actions"]), len(self.doc.get("actions", [])))

    def test_compare_over_a_mix(self):
        files = [FULL, self.questionnaire(FULL), self.workbook(EXAMPLES[1])]
        out = json.loads(run("--compare", "--json", *files).stdout)
        self.assertEqual(len(out["participants"]), 3)
        for args in (["--export", self.path("c.xlsx")], ["--export", self.path("c.csv")]):
            run("--compare", *args, *files)
            self.assertTrue(os.path.exists(args[1]))

    def test_exports_from_a_workbook(self):
        q = self.questionnaire(FULL)
        for out in ("r.xlsx", "again.xlsx"):
            run("--export", self.path(out), q)
        run("--export", self.path("q2.xlsx"), "--questionnaire", self.workbook())
        self.assertEqual(summary(self.path("q2.xlsx"))["overall"], summary(FULL)["overall"])

    def test_usage(self):
        for args in (["--csv", FULL], ["--summary", "--csv", "--json", FULL], ["--questionnaire", FULL],
                     ["--export", self.path("q.xlsx"), "--questionnaire", FULL, FULL],
                     ["--export", self.path("q.svg"), "--questionnaire"],
                     ["--compare", "--csv", FULL]):
            with self.subTest(args=args):
                run(*args, check_exit=2)


class Csv(Base):
    def hostile_doc(self):
        doc = json.loads(json.dumps(self.doc))
        doc["organisation"]["name"] = '=HYPERLINK("http://x","y")'
        doc["organisation"]["site"] = '+1, "Quoted"\nsecond line'
        qids = list(doc["answers"])
        doc["answers"][qids[0]]["note"] = "-2+3"
        doc["answers"][qids[1]]["note"] = "@SUM(A1)"
        doc["answers"][qids[2]]["evidence"] = 'a, "b"\r\nc'
        return doc

    def rows(self, text):
        self.assertTrue(text.endswith("\r\n"))
        return list(csv.reader(io.StringIO(text, newline="")))

    def test_summary_csv(self):
        files = [FULL, *EXAMPLES[1:3], self.questionnaire(FULL), self.workbook()]
        outs = {}
        for lang in ("C.UTF-8", "fr_FR.UTF-8", "es_MX.UTF-8"):
            outs[lang] = run("--summary", "--csv", *files, lang=lang).stdout
        self.assertEqual(outs["C.UTF-8"], outs["fr_FR.UTF-8"])
        self.assertEqual(outs["C.UTF-8"], outs["es_MX.UTF-8"])
        rows = self.rows(outs["C.UTF-8"])
        self.assertEqual(rows[0], SUMMARY_HEADER)
        self.assertEqual(len(rows), len(files) + 1)
        for row, path in zip(rows[1:], files):
            s = summary(path)
            rec = dict(zip(SUMMARY_HEADER, row))
            self.assertEqual(rec["file"], path)
            self.assertEqual(rec["organisation"], s["organisation"])
            self.assertEqual(rec["site"], s["site"])
            self.assertAlmostEqual(float(rec["overall"]), s["overall"], places=9)
            self.assertAlmostEqual(float(rec["coverage"]), s["coverage"], places=9)
            self.assertEqual(float(rec["target"]), s["target"])
            self.assertEqual(rec["band"], s["band"])
            for e in s["elements"]:
                value = rec[f"element_{e['number']}"]
                if e["score"] is None:
                    self.assertEqual(value, "")
                else:
                    self.assertAlmostEqual(float(value), e["score"], places=9)
                    self.assertNotIn(",", value)

    def test_summary_csv_blank_and_missing(self):
        proc = run("--summary", "--csv", self.questionnaire(), self.path("missing.emsa"), check_exit=1)
        rows = self.rows(proc.stdout)
        self.assertEqual(len(rows), 2)
        rec = dict(zip(SUMMARY_HEADER, rows[1]))
        self.assertEqual((rec["overall"], rec["band"], rec["element_1"]), ("", "", ""))
        self.assertEqual(float(rec["coverage"]), 0)
        self.assertIn("missing.emsa", proc.stderr)

    def test_text_is_safe(self):
        path = self.emsa(self.hostile_doc())
        rows = self.rows(run("--summary", "--csv", path).stdout)
        rec = dict(zip(SUMMARY_HEADER, rows[1]))
        self.assertEqual(rec["organisation"], "'" + self.hostile_doc()["organisation"]["name"])
        self.assertEqual(rec["site"], "'" + self.hostile_doc()["organisation"]["site"])
        out = self.path("answers.csv")
        run("--export", out, path)
        text = read(out)
        for row in self.rows(text)[1:]:
            for i in (2, 7, 8, 9):       # question, reason, note, evidence
                self.assertFalse(row[i].startswith(FORMULA_START), row)
        notes = {row[1]: row for row in self.rows(text)}
        qids = list(self.doc["answers"])
        self.assertEqual(notes[qids[0]][8], "'-2+3")
        self.assertEqual(notes[qids[1]][8], "'@SUM(A1)")
        self.assertEqual(notes[qids[2]][9], 'a, "b"\nc')

    def test_answers_csv(self):
        checklist = json.loads(run("--checklist", "--json").stdout)
        questions = [q for e in checklist["elements"] for q in e["questions"]]
        for src in (FULL, self.questionnaire(FULL), self.workbook()):
            outs = {}
            for lang in ("C.UTF-8", "fr_FR.UTF-8"):
                out = self.path(f"answers-{lang}.csv")
                run("--export", out, src, lang=lang if src == FULL else "C.UTF-8")
                outs[lang] = read(out, "rb")
            rows = self.rows(outs["C.UTF-8"].decode("utf-8"))
            self.assertEqual(rows[0], ["element", "id", "question", "weight", "critical", "level",
                                       "not_applicable", "reason", "note", "evidence"])
            self.assertEqual([r[1] for r in rows[1:]], [q["id"] for q in questions])
            for row, q in zip(rows[1:], questions):
                a = self.doc["answers"].get(q["id"], {})
                self.assertEqual(row[0], q["id"].split(".")[0])
                self.assertEqual(int(row[3]), q["weight"])
                self.assertEqual(row[4], "true" if q["critical"] else "false")
                self.assertEqual(row[5], str(a["level"]) if "level" in a else "")
                self.assertEqual(row[6], "true" if a.get("not_applicable") else "false")
                self.assertEqual(row[8], a.get("note", ""))

    def test_answers_csv_keeps_unknown_ids(self):
        doc = json.loads(json.dumps(self.doc))
        doc["answers"]["99.1"] = {"level": 2, "note": "kept"}
        out = self.path("u.csv")
        run("--export", out, self.emsa(doc))
        last = self.rows(read(out))[-1]
        self.assertEqual(last[:2], ["", "99.1"])
        self.assertEqual((last[5], last[8]), ("2", "kept"))

    def test_compare_csv(self):
        files = EXAMPLES[:2] + [self.questionnaire(EXAMPLES[2])]
        expected = [summary(f) for f in files]
        header = ["participant", "file", "overall"] + [f"element_{e}" for e in range(1, 11)]
        for anonymise in (False, True):
            out = self.path(f"c{anonymise}.csv")
            texts = []
            for lang in ("C.UTF-8", "fr_FR.UTF-8"):
                run("--compare", *(["--anonymise"] if anonymise else []), "--export", out, *files, lang=lang)
                texts.append(read(out))
            rows = self.rows(texts[0])
            # The same numbers in every locale (the labels may be translated)
            self.assertEqual([r[1:] for r in rows], [r[1:] for r in self.rows(texts[1])])
            self.assertEqual(rows[0], header)
            self.assertEqual(len(rows), len(files) + 1)
            by_overall = sorted(float(r[2]) for r in rows[1:])
            self.assertEqual(len(by_overall), len(files))
            for r, ref in zip(sorted(rows[1:], key=lambda r: float(r[2])),
                              sorted(expected, key=lambda s: s["overall"])):
                self.assertAlmostEqual(float(r[2]), ref["overall"], places=9)
                for e in ref["elements"]:
                    cell = r[2 + e["number"]]
                    self.assertEqual(cell == "", e["score"] is None)
            if anonymise:
                for r in rows[1:]:
                    self.assertEqual(r[1], "")
                    self.assertTrue(r[0].startswith("Participant "), r)
                for s in expected:
                    self.assertNotIn(s["organisation"], texts[0])
                for f in files:
                    self.assertNotIn(os.path.basename(f), texts[0])
            else:
                self.assertEqual(sorted(r[1] for r in rows[1:]), sorted(files))

    def test_nothing_written_on_failure(self):
        out = self.path("never.csv")
        run("--compare", "--export", out, self.path("missing.emsa"), check_exit=1)
        run("--export", out, self.path("missing.emsa"), check_exit=1)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(os.listdir(self.tmp), [])


class Linkage(Base):
    def loaded(self, *args):
        proc = run(*args, env=env_for(LD_DEBUG="files"))
        return [line for line in proc.stderr.splitlines() if "file=" in line]

    def test_emsa_loads_no_workbook_reader(self):
        lines = self.loaded("--summary", "--json", FULL)
        self.assertTrue(any("libten-elements-core" in line for line in lines))
        self.assertFalse([line for line in lines if "libgsf" in line or "libxml2" in line
                          or "ten-elements-reader" in line])

    def test_workbook_loads_the_reader(self):
        q = self.questionnaire()
        lines = self.loaded("--summary", "--json", q)
        self.assertTrue(any("libten-elements-reader" in line for line in lines))
        self.assertTrue(any("libgsf" in line for line in lines))


if __name__ == "__main__":
    unittest.main(verbosity=2)
