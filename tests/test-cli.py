#!/usr/bin/python3
# test-cli.py: the headless command line, driven as a script would drive it.
#
# Scores are checked against an independent implementation of the domain
# brief's rule written here in Python, from the raw .emsa JSON and the
# checklist that --checklist --json prints.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import math
import statistics
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

EXE = os.environ["TEN_ELEMENTS"]
EXAMPLES = sorted(glob.glob(os.path.join(os.environ["EMS_EXAMPLES_DIR"], "*.emsa")))


def headless_env(**extra):
    """No display at all, and a GDK backend that would fail if GTK ever
    tried to initialise."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR")}
    env["GDK_BACKEND"] = "no-such-backend"
    env.update(extra)
    return env


def run(*args, env=None, check_exit=None):
    proc = subprocess.run([EXE, *args], capture_output=True, text=True,
                          env=env or headless_env(), timeout=60)
    if check_exit is not None and proc.returncode != check_exit:
        raise AssertionError(
            f"{args}: exit {proc.returncode}, expected {check_exit}\n"
            f"stdout: {proc.stdout[:2000]}\nstderr: {proc.stderr[:2000]}")
    return proc


def reference_scores(doc, checklist):
    """The scoring rule of the domain brief, written independently."""
    answers = doc.get("answers", {})
    target = 25 * doc.get("target_level", 3)
    elements = []
    for element in checklist["elements"]:
        num = den = 0
        covered = 0
        red = False
        for q in element["questions"]:
            a = answers.get(q["id"])
            if a is None:
                continue
            if a.get("not_applicable"):
                covered += 1
                continue
            if "level" not in a:
                continue
            covered += 1
            num += q["weight"] * a["level"]
            den += 4 * q["weight"]
            if q["critical"] and a["level"] == 0:
                red = True
        score = 100 * num / den if den else None
        band = None
        if score is not None:
            band = "red" if score < 40 else "amber" if score < 70 else "green"
        elements.append({
            "number": element["number"],
            "score": score,
            "coverage": covered / len(element["questions"]),
            "gap": max(0, target - score) if score is not None else None,
            "band": band,
            "red_flag": red,
            "n": len(element["questions"]),
            "covered": covered,
        })
    scored = [e["score"] for e in elements if e["score"] is not None]
    overall = sum(scored) / len(scored) if scored else None
    coverage = sum(e["covered"] for e in elements) / sum(e["n"] for e in elements)
    return {"overall": overall, "coverage": coverage, "target": target,
            "elements": elements}


def clause_key(number):
    return tuple(int(part) for part in number.split("."))


def reference_where_to_start(doc, checklist):
    """The domain brief's "where to start" order, written independently."""
    answers = doc.get("answers", {})
    target_level = doc.get("target_level", 3)
    gaps = {e["number"]: e["gap"] for e in reference_scores(doc, checklist)["elements"]}
    rows = []
    for element in checklist["elements"]:
        for q in element["questions"]:
            a = answers.get(q["id"], {})
            if a.get("not_applicable") or "level" not in a or a["level"] >= target_level:
                continue
            level = a["level"]
            kind = "start" if level <= 1 else "improve"
            key = (not (q["critical"] and level == 0),
                   -(target_level - level) * q["weight"],
                   -gaps[element["number"]],
                   clause_key(q["id"]))
            rows.append((key, {"question": q["id"], "step": kind,
                               "text": q["next_steps"][kind]["text"],
                               "effort": q["next_steps"][kind]["effort"]}))
    rows.sort(key=lambda row: row[0])
    return [row[1] for row in rows]


def reference_readiness(doc, checklist):
    """ISO 14001 readiness by the element rule, written independently."""
    answers = doc.get("answers", {})
    questions = [q for e in checklist["elements"] for q in e["questions"]]
    clauses = {"4.1", "4.3", "4.4"} | {c for q in questions for c in q["iso14001"]}
    result = []
    for clause in sorted(clauses, key=clause_key):
        citing = [q for q in questions if clause in q["iso14001"]]
        num = den = answered = 0
        for q in citing:
            a = answers.get(q["id"], {})
            if a.get("not_applicable") or "level" not in a:
                continue
            answered += 1
            num += q["weight"] * a["level"]
            den += 4 * q["weight"]
        result.append({"clause": clause, "score": 100 * num / den if den else None,
                       "questions": len(citing), "answered": answered})
    return result


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


class CommandLine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ems-cli-")
        out = run("--checklist", "--json", check_exit=0).stdout
        cls.checklist = json.loads(out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def write(self, name, content, mode="w"):
        path = os.path.join(self.tmp, name)
        with open(path, mode) as f:
            f.write(content)
        return path

    def example_doc(self, index=0):
        with open(EXAMPLES[index], encoding="utf-8") as f:
            return json.load(f)

    # --version, --help, usage

    def test_version(self):
        proc = run("--version", check_exit=0)
        self.assertRegex(proc.stdout, r"^ten-elements \d+\.\d+\.\d+\n$")

    def test_help(self):
        proc = run("--help", check_exit=0)
        for option in ("--checklist", "--summary", "--validate", "--export", "--json", "--version"):
            self.assertIn(option, proc.stdout)

    def test_usage_errors(self):
        cases = [
            ("--summary",),
            ("--validate",),
            ("--json",),
            ("--no-such-option",),
            ("--checklist", "--summary", EXAMPLES[0]),
            ("--checklist", EXAMPLES[0]),
            ("--export", os.path.join(self.tmp, "x.xlsx")),
            ("--export", os.path.join(self.tmp, "x.xlsx"), EXAMPLES[0], EXAMPLES[1]),
            ("--export", os.path.join(self.tmp, "x.doc"), EXAMPLES[0]),
        ]
        for args in cases:
            with self.subTest(args=args):
                proc = run(*args, check_exit=2)
                self.assertEqual(proc.stdout, "")
                self.assertIn("ten-elements:", proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.doc")))

    # --checklist

    def test_checklist_json_shape(self):
        c = self.checklist
        self.assertEqual(c["framework"], {"id": "cec-10-elements", "version": 1})
        self.assertEqual([e["number"] for e in c["elements"]], list(range(1, 11)))
        self.assertEqual(c["elements"][0]["title"], "Environmental Policy")
        self.assertEqual(c["elements"][9]["title"], "Continuous Evaluation and Improvement")
        for e in c["elements"]:
            self.assertTrue(4 <= len(e["questions"]) <= 6)
            for i, q in enumerate(e["questions"], 1):
                self.assertEqual(q["id"], f"{e['number']}.{i}")
                self.assertIsInstance(q["text"], str)
                self.assertIn(q["weight"], (1, 2, 3))
                self.assertIsInstance(q["critical"], bool)
        self.assertEqual(len(c["levels"]), 6)

    def test_checklist_text(self):
        proc = run("--checklist", check_exit=0)
        self.assertIn("1. Environmental Policy", proc.stdout)
        self.assertIn("10.1", proc.stdout)

    def test_checklist_translated(self):
        for lang, locale, title in (("fr", "fr_FR.UTF-8", "Politique"), ("es", "es_MX.UTF-8", "Política")):
            with self.subTest(lang=lang):
                env = headless_env(LC_ALL=locale, LANGUAGE=lang)
                c = json.loads(run("--checklist", "--json", env=env, check_exit=0).stdout)
                self.assertIn(title, c["elements"][0]["title"])
                self.assertNotEqual(c["elements"][4]["questions"][0]["text"],
                                    self.checklist["elements"][4]["questions"][0]["text"])
                # ids, weights and flags never change with the language
                self.assertEqual([q["id"] for e in c["elements"] for q in e["questions"]],
                                 [q["id"] for e in self.checklist["elements"] for q in e["questions"]])

    # --summary

    def test_summary_json_matches_rule(self):
        proc = run("--summary", "--json", *EXAMPLES, check_exit=0)
        result = json.loads(proc.stdout)
        self.assertEqual(len(result), len(EXAMPLES))
        for path, entry in zip(EXAMPLES, result):
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            ref = reference_scores(doc, self.checklist)
            self.assertEqual(entry["file"], path)
            self.assertEqual(entry["organisation"], doc["organisation"]["name"])
            self.assertTrue(close(entry["overall"], ref["overall"]), (entry["overall"], ref["overall"]))
            self.assertTrue(close(entry["coverage"], ref["coverage"]))
            self.assertTrue(close(entry["target"], ref["target"]))
            self.assertEqual(len(entry["elements"]), 10)
            for got, want in zip(entry["elements"], ref["elements"]):
                self.assertEqual(got["number"], want["number"])
                self.assertTrue(close(got["score"], want["score"]), (path, got, want))
                self.assertTrue(close(got["coverage"], want["coverage"]))
                self.assertTrue(close(got["gap"], want["gap"]))
                self.assertEqual(got["band"], want["band"])
                self.assertEqual(got["red_flag"], want["red_flag"])
                self.assertEqual(set(("number", "score", "coverage", "gap", "band", "red_flag")) - set(got), set())

    def test_summary_nulls_and_red_flags(self):
        doc = self.example_doc()
        # element 2 entirely unanswered, element 3 entirely N/A, a critical 0
        crit = next(q for e in self.checklist["elements"] for q in e["questions"]
                    if q["critical"] and e["number"] not in (2, 3))
        answers = {k: v for k, v in doc["answers"].items()
                   if not k.startswith("2.") and not k.startswith("3.")}
        for q in self.checklist["elements"][2]["questions"]:
            answers[q["id"]] = {"not_applicable": True, "reason": "none"}
        answers[crit["id"]] = {"level": 0}
        doc["answers"] = answers
        doc["target_level"] = 4
        path = self.write("nulls.emsa", json.dumps(doc, ensure_ascii=False))
        entry = json.loads(run("--summary", "--json", path, check_exit=0).stdout)[0]
        ref = reference_scores(doc, self.checklist)
        e2, e3 = entry["elements"][1], entry["elements"][2]
        self.assertIsNone(e2["score"])
        self.assertIsNone(e2["gap"])
        self.assertIsNone(e2["band"])
        self.assertEqual(e2["coverage"], 0)
        self.assertIsNone(e3["score"])
        self.assertEqual(e3["coverage"], 1)
        self.assertTrue(entry["elements"][int(crit["id"].split(".")[0]) - 1]["red_flag"])
        self.assertTrue(close(entry["overall"], ref["overall"]))
        self.assertEqual(entry["target"], 100)

    def test_summary_empty_assessment(self):
        path = self.write("empty.emsa", json.dumps({"format": "ten-elements-assessment", "format_version": 1}))
        entry = json.loads(run("--summary", "--json", path, check_exit=0).stdout)[0]
        self.assertIsNone(entry["overall"])
        self.assertEqual(entry["coverage"], 0)
        self.assertEqual(entry["target"], 75)
        self.assertTrue(all(e["score"] is None for e in entry["elements"]))

    def test_summary_text(self):
        proc = run("--summary", EXAMPLES[0], check_exit=0)
        doc = self.example_doc()
        self.assertIn(doc["organisation"]["name"], proc.stdout)
        self.assertIn("Environmental Policy", proc.stdout)
        ref = reference_scores(doc, self.checklist)
        self.assertIn(f"{ref['overall']:.1f} %", proc.stdout)

    def test_summary_keeps_going_past_bad_files(self):
        bad = self.write("bad.emsa", "{not json")
        proc = run("--summary", "--json", EXAMPLES[0], bad, EXAMPLES[1], check_exit=1)
        result = json.loads(proc.stdout)
        self.assertEqual([r["file"] for r in result], [EXAMPLES[0], EXAMPLES[1]])
        self.assertIn("bad.emsa:1:", proc.stderr)

    def test_unknown_question_ids_kept_and_reported(self):
        doc = self.example_doc()
        doc["answers"]["42.1"] = {"level": 0, "note": "from a future checklist"}
        path = self.write("unknown.emsa", json.dumps(doc))
        entry = json.loads(run("--summary", "--json", path, check_exit=0).stdout)[0]
        self.assertEqual(entry["unknown_questions"], ["42.1"])
        proc = run("--validate", path, check_exit=0)
        self.assertIn("42.1", proc.stderr)
        self.assertIn("warning", proc.stderr)

    # From gaps to a plan: next steps and ISO 14001 readiness

    def test_checklist_next_steps(self):
        for e in self.checklist["elements"]:
            for q in e["questions"]:
                with self.subTest(question=q["id"]):
                    self.assertEqual(set(q["next_steps"]), {"start", "improve"})
                    for kind, step in q["next_steps"].items():
                        self.assertEqual(set(step), {"text", "effort"})
                        self.assertIsInstance(step["text"], str)
                        self.assertGreater(len(step["text"]), 60)
                        self.assertNotEqual(step["text"], q["help"])
                        self.assertNotEqual(step["text"], q["text"])
                        self.assertIn(step["effort"], ("low", "medium", "high"))
                    self.assertNotEqual(q["next_steps"]["start"]["text"], q["next_steps"]["improve"]["text"])

    def test_checklist_next_steps_translated(self):
        english = [q["next_steps"] for e in self.checklist["elements"] for q in e["questions"]]
        for lang, locale in (("fr", "fr_FR.UTF-8"), ("es", "es_MX.UTF-8")):
            with self.subTest(lang=lang):
                env = headless_env(LC_ALL=locale, LANGUAGE=lang)
                c = json.loads(run("--checklist", "--json", env=env, check_exit=0).stdout)
                translated = [q["next_steps"] for e in c["elements"] for q in e["questions"]]
                self.assertEqual(len(translated), len(english))
                for got, want in zip(translated, english):
                    for kind in ("start", "improve"):
                        self.assertNotEqual(got[kind]["text"], want[kind]["text"])
                        self.assertTrue(got[kind]["text"])
                        self.assertEqual(got[kind]["effort"], want[kind]["effort"])

    def plan_cases(self):
        """The examples, and variants that reach the corners of the rule."""
        docs = []
        for path in EXAMPLES:
            with open(path, encoding="utf-8") as f:
                docs.append(json.load(f))
        doc = self.example_doc()
        answers = dict(doc["answers"])
        for q in self.checklist["elements"][2]["questions"]:
            answers[q["id"]] = {"not_applicable": True, "reason": "none"}
        for q in self.checklist["elements"][5]["questions"][:2]:
            answers[q["id"]] = {"level": 0}
        answers.pop("2.1", None)
        docs.append(dict(doc, answers=answers, target_level=4))
        docs.append(dict(doc, target_level=0))
        docs.append(dict(doc, target_level=1))
        everything_na = {q["id"]: {"not_applicable": True, "reason": "none"}
                         for e in self.checklist["elements"] for q in e["questions"]}
        docs.append(dict(doc, answers=everything_na))
        return docs

    def test_summary_next_steps_and_iso14001(self):
        docs = self.plan_cases()
        paths = [self.write(f"plan-{i}.emsa", json.dumps(d, ensure_ascii=False)) for i, d in enumerate(docs)]
        result = json.loads(run("--summary", "--json", *paths, check_exit=0).stdout)
        self.assertEqual(len(result), len(docs))
        non_empty = 0
        for doc, entry in zip(docs, result):
            with self.subTest(file=entry["file"]):
                want = reference_where_to_start(doc, self.checklist)
                self.assertEqual(entry["next_steps"], want[:5])
                non_empty += bool(entry["next_steps"])
                iso = entry["iso14001"]
                ref = reference_readiness(doc, self.checklist)
                self.assertEqual([c["clause"] for c in iso], [c["clause"] for c in ref])
                for got, exp in zip(iso, ref):
                    self.assertTrue(close(got["score"], exp["score"]), (got, exp))
                    self.assertEqual(got["questions"], exp["questions"])
                    self.assertEqual(got["answered"], exp["answered"])
                    self.assertIsInstance(got["title"], str)
                by_clause = {c["clause"]: c for c in iso}
                for clause in ("4.3", "4.4"):
                    self.assertEqual(by_clause[clause]["questions"], 0)
                    self.assertIsNone(by_clause[clause]["score"])
                if doc.get("target_level", 3) == 0:
                    self.assertEqual(entry["next_steps"], [])
        self.assertGreaterEqual(non_empty, 3)
        # the clause order is numeric: 9.3 before 10.1
        clauses = [c["clause"] for c in result[0]["iso14001"]]
        self.assertLess(clauses.index("9.3"), clauses.index("10.1"))
        self.assertLess(clauses.index("6.1.4"), clauses.index("6.2"))

    def test_summary_next_steps_translated(self):
        env = headless_env(LC_ALL="fr_FR.UTF-8", LANGUAGE="fr")
        c = json.loads(run("--checklist", "--json", env=env, check_exit=0).stdout)
        steps = {q["id"]: q["next_steps"] for e in c["elements"] for q in e["questions"]}
        entry = json.loads(run("--summary", "--json", EXAMPLES[0], env=env, check_exit=0).stdout)[0]
        self.assertTrue(entry["next_steps"])
        for step in entry["next_steps"]:
            self.assertEqual(step["text"], steps[step["question"]][step["step"]]["text"])
        titles = {c["clause"]: c["title"] for c in entry["iso14001"]}
        self.assertEqual(titles["6.1.3"], "Obligations de conformité")

    # --validate

    def test_validate_examples(self):
        proc = run("--validate", *EXAMPLES, check_exit=0)
        self.assertEqual(proc.stderr, "")

    def test_validate_reports_each_problem(self):
        doc = self.example_doc()
        doc["answers"]["1.1"] = {"level": 9}
        doc["target_level"] = "high"
        doc["organisation"]["employees"] = -3
        bad = self.write("three-problems.emsa", json.dumps(doc))
        broken = self.write("broken.emsa", '{\n  "format": "ten-elements-assessment",\n  "format_version": 1,,\n}\n')
        newer = dict(doc, format_version=99)
        newer_path = self.write("newer.emsa", json.dumps(newer))
        proc = run("--validate", EXAMPLES[0], bad, broken, newer_path, check_exit=1)
        lines = proc.stderr.strip().split("\n")
        self.assertEqual(len([l for l in lines if l.startswith(bad + ":")]), 3, proc.stderr)
        self.assertTrue(any("answers/1.1/level" in l for l in lines))
        broken_lines = [l for l in lines if l.startswith(broken + ":")]
        self.assertEqual(len(broken_lines), 1)
        self.assertRegex(broken_lines[0], r"^.*broken\.emsa:3:\d+: error: ")
        self.assertTrue(any(l.startswith(newer_path + ":") and "newer" in l for l in lines))
        self.assertFalse(any(l.startswith(EXAMPLES[0]) for l in lines))

    def test_validate_hostile_inputs(self):
        cases = {
            "empty.emsa": b"",
            "binary.emsa": bytes(range(256)) * 4,
            "latin1.emsa": '{"format":"ten-elements-assessment","organisation":{"name":"Café"}}'.encode("latin-1"),
            "truncated.emsa": open(EXAMPLES[0], "rb").read()[:500],
            "array.emsa": b"[]",
            "nested.emsa": b"[" * 100000 + b"]" * 100000,
        }
        for name, data in cases.items():
            with self.subTest(name=name):
                path = self.write(name, data, mode="wb")
                proc = run("--validate", path, check_exit=1)
                self.assertTrue(proc.stderr.startswith(path + ":"), proc.stderr)
                self.assertEqual(len(proc.stderr.strip().split("\n")), 1)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), data)   # never changed

    def test_validate_huge_file(self):
        path = os.path.join(self.tmp, "huge.emsa")
        with open(path, "wb") as f:
            f.write(os.urandom(1024 * 1024) * 50)
        proc = run("--validate", path, check_exit=1)
        self.assertIn("too large", proc.stderr)
        os.unlink(path)

    def test_missing_file_and_folder(self):
        proc = run("--validate", os.path.join(self.tmp, "nope.emsa"), check_exit=1)
        self.assertIn("nope.emsa", proc.stderr)
        proc = run("--summary", self.tmp, check_exit=1)
        self.assertIn("folder", proc.stderr)

    def test_hostile_files(self):
        """Only regular files are read: /dev/zero is not read without end,
        a FIFO does not block, a folder is named as such."""
        fifo = os.path.join(self.tmp, "pipe.emsa")
        os.mkfifo(fifo)
        try:
            for mode in ("--validate", "--summary", "--compare"):
                for path, needle in (("/dev/zero", "not a regular file"),
                                     (fifo, "not a regular file"),
                                     (self.tmp, "folder")):
                    with self.subTest(mode=mode, path=path):
                        proc = subprocess.run([EXE, mode, path], capture_output=True, text=True,
                                              env=headless_env(), timeout=10)
                        self.assertEqual(proc.returncode, 1, proc.stderr)
                        self.assertIn(needle, proc.stderr)
            proc = subprocess.run([EXE, "--export", os.path.join(self.tmp, "z.xlsx"), "/dev/zero"],
                                  capture_output=True, text=True, env=headless_env(), timeout=10)
            self.assertEqual(proc.returncode, 1)
            self.assertFalse(os.path.exists(os.path.join(self.tmp, "z.xlsx")))
        finally:
            os.unlink(fifo)

    def test_names_not_utf8_or_with_controls(self):
        """--summary --json stays valid JSON whatever the file names are;
        text output never passes a control character to the terminal."""
        tmp = os.fsencode(self.tmp)
        latin1 = os.path.join(tmp, b"caf\xe9.emsa")
        escape = os.path.join(tmp, b"x\x1b[2J\ty.emsa")
        for name in (latin1, escape):
            shutil.copyfile(EXAMPLES[0], name)
        try:
            proc = subprocess.run([os.fsencode(EXE), b"--summary", b"--json", latin1, escape],
                                  capture_output=True, env=headless_env(), timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            result = json.loads(proc.stdout.decode("utf-8"))   # strict UTF-8, valid JSON
            self.assertEqual(result[0]["file"], os.fsdecode(tmp) + "/caf\ufffd.emsa")
            self.assertEqual(urllib.parse.unquote_to_bytes(result[0]["file_bytes"]), latin1)
            self.assertEqual(result[1]["file"], os.fsdecode(escape))
            self.assertNotIn("file_bytes", result[1])

            for args in ((b"--summary",), (b"--validate",), (b"--compare",)):
                with self.subTest(args=args):
                    proc = subprocess.run([os.fsencode(EXE), *args, latin1, escape,
                                           os.path.join(tmp, b"missing\x07.emsa")],
                                          capture_output=True, env=headless_env(), timeout=60)
                    for stream in (proc.stdout, proc.stderr):
                        text = stream.decode("utf-8")   # valid UTF-8
                        self.assertFalse(any(ord(c) < 0x20 and c != "\n" for c in text), text)
                    self.assertIn("missing\\x07.emsa", proc.stderr.decode())
            proc = subprocess.run([os.fsencode(EXE), b"--summary", escape],
                                  capture_output=True, env=headless_env(), timeout=60)
            self.assertIn("x\\x1b[2J\\x09y.emsa", proc.stdout.decode())
        finally:
            os.unlink(latin1)
            os.unlink(escape)

    def test_export_onto_an_input(self):
        """OUT may not be one of the FILEs, whatever the path to it: the
        export is refused (exit 2) before anything is written."""
        path = os.path.join(self.tmp, "self.xlsx")
        shutil.copyfile(EXAMPLES[0], path)
        with open(path, "rb") as f:
            before = f.read()
        hard = os.path.join(self.tmp, "hard.xlsx")
        link = os.path.join(self.tmp, "link.xlsx")
        os.link(path, hard)
        os.symlink(path, link)
        try:
            cases = [("--export", path, path),
                     ("--export", os.path.join(self.tmp, ".", "self.xlsx"), path),
                     ("--export", hard, path),
                     ("--export", link, path),
                     ("--export", path, link),
                     ("--compare", "--export", hard, EXAMPLES[1], path)]
            for args in cases:
                with self.subTest(args=args):
                    proc = run(*args, check_exit=2)
                    self.assertIn("input", proc.stderr)
                    with open(path, "rb") as f:
                        self.assertEqual(f.read(), before)
            self.assertEqual(os.stat(path).st_ino, os.stat(hard).st_ino)
            self.assertEqual(sorted(os.listdir(self.tmp)).count(".self.xlsx"), 0)
        finally:
            for p in (path, hard, link):
                os.unlink(p)

    # --compare

    def test_compare_json_statistics(self):
        bad = self.write("broken-compare.emsa", '{"format": "ten-elements-assessment", "format_version": 1, "answers": {"1.1": {"level": 8}}}')
        proc = run("--compare", "--json", EXAMPLES[0], bad, *EXAMPLES[1:], check_exit=1)
        self.assertIn("broken-compare.emsa", proc.stderr)
        result = json.loads(proc.stdout)
        self.assertEqual(len(result["participants"]), len(EXAMPLES))
        refs = []
        for path in EXAMPLES:
            with open(path, encoding="utf-8") as f:
                refs.append(reference_scores(json.load(f), self.checklist))
        for i, element in enumerate(result["elements"]):
            values = sorted(r["elements"][i]["score"] for r in refs if r["elements"][i]["score"] is not None)
            n = len(values)
            self.assertEqual(element["n_scored"], n)
            self.assertEqual(element["n_null"], len(refs) - n)
            mean = sum(values) / n
            median = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
            self.assertTrue(close(element["mean"], mean))
            self.assertTrue(close(element["median"], median))
            self.assertTrue(close(element["min"], values[0]))
            self.assertTrue(close(element["max"], values[-1]))
            self.assertTrue(close(element["stddev"], sd))
        spreads = [e["stddev"] for e in result["elements"]]
        self.assertEqual(result["disagreement"][0], spreads.index(max(spreads)) + 1)

    def test_compare_anonymise_hides_names(self):
        proc = run("--compare", "--json", "--anonymise", *EXAMPLES, check_exit=0)
        labels = [p["label"] for p in json.loads(proc.stdout)["participants"]]
        self.assertEqual(labels, ["Participant " + chr(ord("A") + i) for i in range(len(EXAMPLES))])
        for path in EXAMPLES:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            self.assertNotIn(doc["organisation"]["name"], proc.stdout)
            self.assertNotIn(os.path.basename(path), proc.stdout)
        text = run("--compare", "--anonymise", *EXAMPLES, check_exit=0).stdout
        self.assertIn("Participant A", text)
        for path in EXAMPLES:
            with open(path, encoding="utf-8") as f:
                self.assertNotIn(json.load(f)["organisation"]["name"], text)

    def test_compare_follow_up(self):
        doc = self.example_doc()
        older = dict(doc, assessed_on="2025-05-01",
                     answers={k: {"level": 1} for k in doc["answers"] if "level" in doc["answers"][k]})
        older_path = self.write("older.emsa", json.dumps(older))
        result = json.loads(run("--compare", "--json", EXAMPLES[0], older_path, check_exit=0).stdout)
        self.assertEqual(len(result["follow_ups"]), 1)
        follow = result["follow_ups"][0]
        self.assertEqual(follow["name"], doc["organisation"]["name"])
        # oldest first: the 2025 assessment, then the example
        self.assertTrue(follow["participants"][0].endswith("(2025-05-01)"), follow)
        new = reference_scores(doc, self.checklist)
        old = reference_scores(older, self.checklist)
        for i, delta in enumerate(follow["deltas"]):
            a, b = old["elements"][i]["score"], new["elements"][i]["score"]
            if a is None or b is None:
                self.assertIsNone(delta)
            else:
                self.assertTrue(close(delta, b - a))

    def test_compare_usage(self):
        run("--compare", check_exit=2)
        run("--anonymise", EXAMPLES[0], check_exit=2)
        run("--compare", "--json", "--export", os.path.join(self.tmp, "c.xlsx"), EXAMPLES[0], check_exit=2)
        proc = run("--compare", os.path.join(self.tmp, "missing.emsa"), check_exit=1)
        self.assertIn("missing.emsa", proc.stderr)

    # --export

    def test_export_bad_input_writes_nothing(self):
        bad = self.write("bad-export.emsa", "{")
        out = os.path.join(self.tmp, "bad.xlsx")
        run("--export", out, bad, check_exit=1)
        self.assertEqual([f for f in os.listdir(self.tmp) if f.endswith(".xlsx") or "bad.xlsx" in f], [])

    def test_export_xlsx(self):
        out = os.path.join(self.tmp, "ok.xlsx")
        run("--export", out, EXAMPLES[0], check_exit=0)
        with open(out, "rb") as f:
            self.assertEqual(f.read(2), b"PK")
        os.unlink(out)

    def test_export_pdf_and_charts(self):
        pdf = os.path.join(self.tmp, "report.pdf")
        run("--export", pdf, EXAMPLES[0], check_exit=0)
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        svg = os.path.join(self.tmp, "radar.svg")
        run("--export", svg, EXAMPLES[0], check_exit=0)
        with open(svg, encoding="utf-8") as f:
            self.assertIn("<svg", f.read(500))
        for chart in ("radar", "gaps", "distribution", "coverage"):
            for scale in ("1", "2"):
                png = os.path.join(self.tmp, f"{chart}-{scale}.png")
                run("--export", png, "--chart", chart, "--scale", scale, EXAMPLES[1], check_exit=0)
                with open(png, "rb") as f:
                    self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        # 2x is twice the pixels of 1x
        import struct
        def size(path):
            with open(path, "rb") as f:
                head = f.read(24)
            return struct.unpack(">II", head[16:24])
        w1, h1 = size(os.path.join(self.tmp, "radar-1.png"))
        w2, h2 = size(os.path.join(self.tmp, "radar-2.png"))
        self.assertEqual((w2, h2), (2 * w1, 2 * h1))
        run("--export", svg, "--chart", "pie", EXAMPLES[0], check_exit=2)
        run("--export", svg, "--scale", "2", EXAMPLES[0], check_exit=2)
        run("--export", pdf, "--chart", "gaps", EXAMPLES[0], check_exit=2)
        run("--summary", "--chart", "gaps", EXAMPLES[0], check_exit=2)

    def test_export_disk_full(self):
        """A full disk: our message, never libxlsxwriter's own [ERROR]
        lines, and nothing left behind. Needs a small tmpfs (root)."""
        small = os.path.join(self.tmp, "small")
        os.mkdir(small)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", small],
                          capture_output=True).returncode != 0:
            os.rmdir(small)
            self.skipTest("cannot mount a small tmpfs here")
        try:
            cases = [["--export", os.path.join(small, "one.xlsx"), EXAMPLES[0]],
                     ["--compare", *EXAMPLES, "--export", os.path.join(small, "set.xlsx")]]
            for args in cases:
                with self.subTest(args=args[:2]):
                    proc = run(*args, check_exit=1)
                    self.assertNotIn("[ERROR]", proc.stderr)
                    self.assertIn("disk is full", proc.stderr)
                    self.assertEqual(os.listdir(small), [])
        finally:
            subprocess.run(["umount", small])
            os.rmdir(small)

    def test_export_unwritable(self):
        out = os.path.join(self.tmp, "no-such-folder", "x.xlsx")
        proc = run("--export", out, EXAMPLES[0], check_exit=1)
        self.assertIn("x.xlsx", proc.stderr)


def spearman(xs, ys):
    """Pearson's r of the ranks, ties averaged: computed here by hand."""
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r
    if len(xs) < 3 or len(set(xs)) == 1 or len(set(ys)) == 1:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    den = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return num / den


class Outcomes(unittest.TestCase):
    """The indicator members of --summary --json and --compare --json"""

    RATIO = {"energy", "water", "materials", "waste", "hazardous-waste", "ghg"}
    UNITS = {"energy": "MWh", "renewable-share": "%", "water": "m³", "materials": "t",
             "waste": "t", "hazardous-waste": "t", "ghg": "t CO₂e", "inspections": "count",
             "violations": "count", "spills": "count", "complaints": "count"}

    def test_summary_indicators(self):
        result = json.loads(run("--summary", "--json", *EXAMPLES, check_exit=0).stdout)
        for path, entry in zip(EXAMPLES, result):
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            ind = doc["indicators"]
            self.assertEqual(entry["period"], ind["period"])
            self.assertEqual(entry["output"], ind["output"])
            self.assertEqual([i["id"] for i in entry["indicators"]], list(ind["values"]))
            for item in entry["indicators"]:
                value = ind["values"][item["id"]]
                self.assertEqual(item["value"], value)
                self.assertEqual(item["unit"], self.UNITS[item["id"]])
                if item["id"] in self.RATIO:
                    self.assertTrue(close(item["ratio"], value / ind["output"]["value"]), item)
                else:
                    self.assertIsNone(item["ratio"])
        # by hand: 412.5 MWh over 35 employees
        first = result[0]["indicators"][0]
        self.assertEqual(first["id"], "energy")
        self.assertTrue(close(first["ratio"], 11.785714285714286))

    def test_summary_without_indicators(self):
        path = os.path.join(tempfile.mkdtemp(prefix="ems-cli-"), "v1.emsa")
        with open(path, "w") as f:
            json.dump({"format": "ten-elements-assessment", "format_version": 1,
                       "organisation": {"name": "A"}, "indicators": None}, f)
        entry = json.loads(run("--summary", "--json", path, check_exit=0).stdout)[0]
        self.assertEqual(entry["indicators"], [])
        self.assertIsNone(entry["period"])
        self.assertIsNone(entry["output"])

    def test_compare_correlations_and_follow_up(self):
        result = json.loads(run("--compare", "--json", *EXAMPLES, check_exit=0).stdout)
        summary = json.loads(run("--summary", "--json", *EXAMPLES, check_exit=0).stdout)
        docs = []
        for path in EXAMPLES:
            with open(path, encoding="utf-8") as f:
                docs.append(json.load(f))
        # one point per organisation and site: its latest assessment
        latest = {}
        for doc, entry in zip(docs, summary):
            key = (doc["organisation"]["name"].strip().casefold(),
                   doc["organisation"].get("site", "").strip().casefold())
            if key not in latest or doc["assessed_on"] >= latest[key][0]["assessed_on"]:
                latest[key] = (doc, entry)
        self.assertEqual(len(latest), len(EXAMPLES) - 1)
        self.assertEqual([i["id"] for i in result["indicators"]], list(self.UNITS))
        for stat in result["indicators"]:
            xs, ys = [], []
            for doc, entry in latest.values():
                item = next((i for i in entry["indicators"] if i["id"] == stat["id"]), None)
                y = None if item is None else item["ratio"] if stat["id"] in self.RATIO else item["value"]
                if y is not None and entry["overall"] is not None:
                    xs.append(entry["overall"])
                    ys.append(y)
            self.assertEqual(stat["n"], len(xs), stat)
            self.assertTrue(close(stat["spearman_overall"], spearman(xs, ys)), stat)
            self.assertTrue(close(stat["mean"], statistics.mean(ys)), stat)
            self.assertTrue(close(stat["median"], statistics.median(ys)), stat)
        # spills: 0 at every latest point, a constant: no correlation
        self.assertIsNone(next(i for i in result["indicators"] if i["id"] == "spills")["spearman_overall"])

        # the bundled follow-up: Northshore a year later
        self.assertEqual(len(result["follow_ups"]), 1)
        follow_up = result["follow_ups"][0]
        self.assertEqual(follow_up["name"], "Northshore Metal Finishing Inc.")
        base, later = summary[0], summary[3]
        self.assertTrue(close(follow_up["overall_delta"], later["overall"] - base["overall"]))
        self.assertGreater(follow_up["overall_delta"], 0)
        changes = follow_up["indicator_changes"]
        self.assertEqual(list(changes), list(self.UNITS))
        for item in base["indicators"]:
            after = next(i for i in later["indicators"] if i["id"] == item["id"])
            key = "ratio" if item["id"] in self.RATIO else "value"
            self.assertTrue(close(changes[item["id"]], after[key] - item[key]), item["id"])
        # by hand: 381/36 − 412.5/35 MWh per employee; better on most, worse on materials
        self.assertTrue(close(changes["energy"], 381 / 36 - 412.5 / 35))
        self.assertLess(changes["violations"], 0)
        self.assertGreater(changes["materials"], 0)

    def test_validate_indicator_problems(self):
        path = os.path.join(tempfile.mkdtemp(prefix="ems-cli-"), "bad.emsa")
        with open(path, "w") as f:
            f.write('{"format": "ten-elements-assessment", "format_version": 2,\n'
                    '"indicators": {"period": {"from": "2025-02-01", "to": "2025-01-31"},\n'
                    '"values": {"energy": -4, "renewable-share": 101, "water": 1e999, "ozone": 1}}}\n')
        lines = run("--validate", path, check_exit=1).stderr.splitlines()
        expected = [
            (2, 55, "error", "indicators/period/to", "before the period starts"),
            (3, 22, "error", "indicators/values/energy", "negative"),
            (3, 45, "error", "indicators/values/renewable-share", "0 to 100"),
            (3, 59, "error", "indicators/values/water", "finite"),
            (3, 75, "warning", "indicators/values/ozone", "not an indicator"),
        ]
        for line, column, kind, member, needle in expected:
            prefix = f"{path}:{line}:{column}: {kind}: {member}: "
            self.assertTrue(any(l.startswith(prefix) and needle in l for l in lines), (prefix, lines))


if __name__ == "__main__":
    unittest.main(verbosity=2)
