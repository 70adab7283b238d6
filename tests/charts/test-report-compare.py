#!/usr/bin/python3
# test-report-compare.py: the comparison handout (PDF) from the command line,
# `ten-elements --compare FILE… [--anonymise] --export OUT.pdf`.
#
# The set holds the three examples and generated participants: a renamed
# copy with other levels, notes and owners; one with a whole element
# unanswered (a null score, left out of that element's statistics and
# counted); a follow-up of an example assessed a year earlier; and a broken
# file, left out while the rest compare (exit status 1). The PDF is read
# back with poppler's pdfinfo and pdftotext; an anonymised handout must name
# nobody, in its text or anywhere in its bytes (metadata, outline).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

EXE = os.environ["TEN_ELEMENTS"]
# (the bundled follow-up left out: this set makes its own, of the second)
EXAMPLES = sorted(p for p in glob.glob(os.path.join(os.environ["EMS_EXAMPLES_DIR"], "*.emsa"))
                  if "follow-up" not in os.path.basename(p))
SKIP = 77


def headless_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR")}
    env["GDK_BACKEND"] = "no-such-backend"
    env["SOURCE_DATE_EPOCH"] = "1795392000"   # 2026-11-23, reproducible
    return env


def run(*args, check_exit=None):
    proc = subprocess.run([EXE, *args], capture_output=True, text=True,
                          env=headless_env(), timeout=120)
    if check_exit is not None and proc.returncode != check_exit:
        raise AssertionError(
            f"{args}: exit {proc.returncode}, expected {check_exit}\n"
            f"stdout: {proc.stdout[:2000]}\nstderr: {proc.stderr[:2000]}")
    return proc


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_text(path, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [path, "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def squeeze(text):
    """Without any white space: a text wrapped in a table cell still matches."""
    return re.sub(r"\s+", "", text)


def byte_forms(text):
    """The ways a PDF can hold @text outside compressed streams: UTF-8 or
    Latin-1 literal strings, UTF-16BE literal or hex strings."""
    forms = {text.encode("utf-8")}
    try:
        forms.add(text.encode("latin-1"))
    except UnicodeEncodeError:
        pass
    utf16 = text.encode("utf-16-be")
    forms.add(utf16)
    forms.add(utf16.hex().upper().encode("ascii"))
    forms.add(utf16.hex().encode("ascii"))
    return forms


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(doc, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


class CompareReportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="test-report-compare-")
        cls.checklist = json.loads(run("--checklist", "--json", check_exit=0).stdout)
        docs = [load(p) for p in EXAMPLES]

        # A renamed copy of the first example with other levels, notes and owners
        renamed = copy.deepcopy(docs[0])
        renamed["organisation"]["name"] = "Lakeside Anodizing Ltd."
        renamed["organisation"]["site"] = "Thunder Bay, Ontario"
        renamed["assessor"] = "Dana Kowalczyk-Ferreira"
        renamed["assessed_on"] = "2026-05-07"
        for n, (qid, answer) in enumerate(sorted(renamed["answers"].items())):
            if "level" in answer:
                answer["level"] = (answer["level"] + n) % 5
            answer["note"] = f"Lakeside private note {n} about the tank line"
            answer["evidence"] = f"Lakeside binder {n}, shelf 4"
        for n, action in enumerate(renamed.get("actions", [])):
            action["owner"] = f"Zygmunt Quillfeather {n}"
        cls.renamed = os.path.join(cls.tmp, "lakeside-anodizing.emsa")
        save(renamed, cls.renamed)

        # Element 5 entirely unanswered: a null score for it
        unanswered = copy.deepcopy(docs[2])
        unanswered["organisation"]["name"] = "Prairie Print Co-operative"
        unanswered["organisation"]["site"] = "Regina, Saskatchewan"
        unanswered["assessor"] = "Olu Adebayo-Lindqvist"
        unanswered["assessed_on"] = "2026-06-30"
        unanswered["answers"] = {k: v for k, v in unanswered["answers"].items()
                                 if not k.startswith("5.")}
        cls.unanswered = os.path.join(cls.tmp, "prairie-print.emsa")
        save(unanswered, cls.unanswered)

        # The second example a year earlier, with lower levels: a follow-up
        earlier = copy.deepcopy(docs[1])
        year, rest = earlier["assessed_on"].split("-", 1)
        earlier["assessed_on"] = f"{int(year) - 1}-{rest}"
        for answer in earlier["answers"].values():
            if "level" in answer:
                answer["level"] = max(0, answer["level"] - 1)
        cls.earlier = os.path.join(cls.tmp, "muebles-baseline.emsa")
        save(earlier, cls.earlier)

        cls.broken = os.path.join(cls.tmp, "broken-submission.emsa")
        with open(cls.broken, "w", encoding="utf-8") as f:
            f.write('{ "format": "ten-elements-assessment", "answers": ')

        cls.valid = EXAMPLES + [cls.renamed, cls.unanswered, cls.earlier]
        cls.inputs = cls.valid + [cls.broken]
        cls.docs = docs + [renamed, unanswered, earlier]

        cls.named_pdf = os.path.join(cls.tmp, "named.pdf")
        cls.named_run = run("--compare", *cls.inputs, "--export", cls.named_pdf)
        cls.anon_pdf = os.path.join(cls.tmp, "anonymised.pdf")
        cls.anon_run = run("--compare", *cls.inputs, "--anonymise", "--export", cls.anon_pdf)
        cls.json = json.loads(run("--compare", *cls.valid, "--json", check_exit=0).stdout)
        cls.anon_json = json.loads(run("--compare", *cls.valid, "--anonymise", "--json",
                                       check_exit=0).stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_broken_file_left_out(self):
        for proc, path in ((self.named_run, self.named_pdf), (self.anon_run, self.anon_pdf)):
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertIn("broken-submission.emsa", proc.stderr)
            self.assertTrue(os.path.isfile(path))
            with open(path, "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")
        text = squeeze(pdf_text(self.named_pdf))
        self.assertIn(squeeze(f"{len(self.valid)} participants"), text)

    def test_pages(self):
        for path in (self.named_pdf, self.anon_pdf):
            n = pdf_pages(path)
            self.assertGreaterEqual(n, 4)
            text = squeeze(pdf_text(path))
            self.assertIn(squeeze(f"Page 1 of {n}"), text)
            self.assertIn(squeeze(f"Page {n} of {n}"), text)

    def test_labels_and_elements(self):
        for path, data in ((self.named_pdf, self.json), (self.anon_pdf, self.anon_json)):
            text = squeeze(pdf_text(path))
            for participant in data["participants"]:
                self.assertIn(squeeze(participant["label"]), text, path)
            for element in self.checklist["elements"]:
                self.assertIn(squeeze(f'{element["number"]}. {element["title"]}'), text, path)
            for heading in ("Group results", "Participants by element", "Statistics by element",
                            "Priorities for the group", "Questions most often answered 0",
                            "Changes over time", "Method"):
                self.assertIn(squeeze(heading), text, heading)

    def statistics_line(self, path, number):
        pages = pdf_text(path, layout=True).split("\f")
        page = next(p for p in pages if "Statistics by element" in p)
        title = self.checklist["elements"][number - 1]["title"]
        return next(line for line in page.splitlines()
                    if line.strip().startswith(f"{number}. {title[:20]}"))

    def test_group_mean(self):
        stats = self.json["elements"][0]
        self.assertIsNotNone(stats["mean"])
        mean = format(stats["mean"], ".1f")
        for path in (self.named_pdf, self.anon_pdf):
            line = self.statistics_line(path, 1)
            figures = re.findall(r"(\d+\.\d) %", line)
            self.assertTrue(figures, line)
            self.assertEqual(figures[0], mean, line)
            self.assertEqual(figures[1:4], [format(stats[k], ".1f")
                                            for k in ("median", "min", "max")], line)

    def test_null_scores_counted(self):
        stats = self.json["elements"][4]
        self.assertEqual(stats["n_null"], 1)
        line = self.statistics_line(self.named_pdf, 5)
        self.assertRegex(line, rf'{stats["n_scored"]}\s*/\s*{stats["n_null"]}\s*$')
        # the participant with no score shows a dash, not 0, in the matrix
        participant = next(p for p in self.json["participants"]
                           if p["label"].startswith("Prairie Print"))
        self.assertIsNone(participant["scores"][4])
        pages = pdf_text(self.named_pdf, layout=True).split("\f")
        page = next(p for p in pages if "Participants by element" in p)
        row = next(l for l in page.splitlines() if l.strip().startswith("Prairie Print"))
        cells = row.split()
        self.assertEqual(cells.count("—"), 1, row)
        self.assertNotIn("0.0", cells)

    def test_changes_over_time(self):
        follow_ups = self.json["follow_ups"]
        self.assertEqual(len(follow_ups), 1)
        deltas = follow_ups[0]["deltas"]
        pages = pdf_text(self.named_pdf, layout=True).split("\f")
        page = next(p for p in pages if "Changes over time" in p and "Direction" in p)
        title = self.checklist["elements"][0]["title"]
        line = next(l for l in page.splitlines() if l.strip().startswith(f"1. {title}"))
        self.assertIn(format(abs(deltas[0]), ".1f"), line)
        self.assertIn("↑" if deltas[0] > 0 else "↓" if deltas[0] < 0 else "=", line)
        # first and last: the earlier copy, then the example
        text = squeeze(page)
        self.assertIn(squeeze(follow_ups[0]["name"]), text)

    def forbidden(self):
        """Everything that could tell who a participant is."""
        names = set()
        for path, doc in zip(self.valid, self.docs):
            org = doc.get("organisation", {})
            names.update([org.get("name"), org.get("site"), doc.get("assessor"),
                          doc.get("assessed_on")])
            base = os.path.basename(path)
            names.update([base, os.path.splitext(base)[0]])
            for answer in doc.get("answers", {}).values():
                names.update([answer.get("note"), answer.get("evidence"), answer.get("reason")])
            for action in doc.get("actions", []):
                names.add(action.get("owner"))
        return sorted(n for n in names if n and len(n) >= 4)

    def test_anonymised_names_nobody(self):
        text = pdf_text(self.anon_pdf)
        flat = squeeze(text)
        with open(self.anon_pdf, "rb") as f:
            raw = f.read()
        info = subprocess.run(["pdfinfo", self.anon_pdf], capture_output=True,
                              text=True, check=True).stdout
        forbidden = self.forbidden()
        self.assertIn("Dana Kowalczyk-Ferreira", forbidden)
        for name in forbidden:
            self.assertNotIn(squeeze(name), flat, name)
            self.assertNotIn(name, info, name)
            for form in byte_forms(name):
                self.assertNotIn(form, raw, name)
        self.assertIn("Participant A", text)
        self.assertIn(f"Participant {chr(ord('A') + len(self.valid) - 1)}", text)
        self.assertIn("Anonymised", text)
        self.assertNotRegex(info, r"(?m)^Author:")

    def test_named_names_participants(self):
        """The same checks see names when the handout is not anonymised,
        so the anonymised test above could catch a leak."""
        flat = squeeze(pdf_text(self.named_pdf))
        for doc in self.docs:
            self.assertIn(squeeze(doc["organisation"]["name"]), flat)
        self.assertIn("lakeside-anodizing.emsa", pdf_text(self.named_pdf))
        self.assertNotIn("Participant A", flat)

    def test_failed_export_leaves_nothing(self):
        missing = os.path.join(self.tmp, "no-such-folder", "out.pdf")
        proc = run("--compare", *EXAMPLES, "--export", missing, check_exit=1)
        self.assertIn("out.pdf", proc.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))

        # The target is a folder: the temporary file beside it is removed
        folder = os.path.join(self.tmp, "busy")
        target = os.path.join(folder, "handout.pdf")
        os.makedirs(target)
        proc = run("--compare", *EXAMPLES, "--anonymise", "--export", target, check_exit=1)
        self.assertIn("handout.pdf", proc.stderr)
        self.assertEqual(os.listdir(folder), ["handout.pdf"])
        self.assertTrue(os.path.isdir(target))

        if os.geteuid() != 0:
            locked = os.path.join(self.tmp, "locked")
            os.makedirs(locked)
            os.chmod(locked, 0o555)
            try:
                run("--compare", *EXAMPLES, "--export", os.path.join(locked, "out.pdf"),
                    check_exit=1)
                self.assertEqual(os.listdir(locked), [])
            finally:
                os.chmod(locked, 0o755)

    def test_reproducible(self):
        again = os.path.join(self.tmp, "again.pdf")
        run("--compare", *self.inputs, "--anonymise", "--export", again, check_exit=1)
        with open(again, "rb") as a, open(self.anon_pdf, "rb") as b:
            self.assertEqual(a.read(), b.read())


if __name__ == "__main__":
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        print("pdfinfo or pdftotext (poppler-utils) missing: skipped")
        sys.exit(SKIP)
    unittest.main(verbosity=2)
