#!/usr/bin/env python3
# test-xlsx-stderr.py: hostile and very long text never makes libxlsxwriter
# speak. It prints its own "[WARNING] …" or "[ERROR] …" lines on stderr
# when a call breaks one of Excel's limits; the export keeps every call
# within them first, so stderr holds only our own messages: none for
# hostile text that fits a cell, one "was cut" line per cell for text that
# does not. Both workbooks, in the C, French and Mexican Spanish locales.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import tempfile

import xlsxtest
from xlsxtest import EXAMPLES

xlsxtest.require_openpyxl()
import openpyxl  # noqa: E402

LOCALES = ["C.UTF-8", "fr_FR.UTF-8", "es_MX.UTF-8"]

# What a sheet name, a formula or a property cannot hold, as organisation
# names: brackets and the other characters sheet names refuse, quotes of
# both kinds, formula starts, control characters, right-to-left text,
# emoji, "_xHHHH_" escapes, and sheet names Excel reserves.
ODD_NAMES = [
    "O'Brien & Söhne [Ltd]: *?/\\ ",
    "'Quoted'",
    "History",
    "=HYPERLINK(\"http://example.com\",\"x\")",
    "+CMD|' /C calc'!A0",
    "tab\tbell\u0007esc\u001b nul-free\u0001 del\u007f",
    "שלום עולם: مرحبا بالعالم 🌍🌱 👩🏽‍🔬",
    "_x0041_ is not A",
    "Summary",
    "Matrix",
    "x" * 31 + "'",
]

# What libxlsxwriter's own lines look like
LIBRARY = re.compile(r"\[(ERROR|WARNING)\]|libxlsxwriter|worksheet_|workbook_|chart_")


def write_assessment(path, name, site, note, assessed_on="2026-03-01"):
    data = xlsxtest.load_json(EXAMPLES[0])
    data["organisation"]["name"] = name
    data["organisation"]["site"] = site
    data["assessor"] = name
    data["assessed_on"] = assessed_on
    for answer in data["answers"].values():
        answer["note"] = note
        answer["evidence"] = note
    for action in data.get("actions", []):
        action["title"] = note
        action["owner"] = name
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


class Stderr(xlsxtest.TestCase):
    def assertOnlyOurLines(self, stderr, allow_cut):
        self.assertIsNone(LIBRARY.search(stderr), stderr[:2000])
        for line in stderr.splitlines():
            if allow_cut:
                # Our own report of a cell cut to fit (translated), naming
                # the cell: 32,767 or 32 767 or 32.767
                self.assertRegex(line, r"32.?767", line[:300])
            else:
                self.fail(f"unexpected line on stderr: {line[:300]}")

    def export_all(self, tmp, sources, loc, allow_cut):
        outs = {
            "assessment": (["--export", os.path.join(tmp, "one.xlsx"), sources[0]], "one.xlsx"),
            "comparison": (["--compare"] + sources + ["--export", os.path.join(tmp, "set.xlsx")], "set.xlsx"),
            "anonymised": (["--compare", "--anonymise"] + sources
                           + ["--export", os.path.join(tmp, "anon.xlsx")], "anon.xlsx"),
        }
        for kind, (args, name) in outs.items():
            with self.subTest(locale=loc, workbook=kind):
                proc = xlsxtest.run(args, lc_all=loc, check=False)
                self.assertEqual(proc.returncode, 0, proc.stderr[:2000])
                self.assertOnlyOurLines(proc.stderr, allow_cut)
                # The file is a workbook every reader opens
                wb = openpyxl.load_workbook(os.path.join(tmp, name))
                self.assertGreaterEqual(len(wb.sheetnames), 4)

    def test_odd_names_say_nothing(self):
        """Odd organisation names and notes that fit a cell: nothing at all
        on stderr"""
        for loc in LOCALES:
            if loc != "C.UTF-8" and not xlsxtest.locale_available(loc):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                sources = []
                for i, name in enumerate(ODD_NAMES):
                    path = os.path.join(tmp, f"odd-{i:02d}.emsa")
                    # Two assessments of the first name: a follow-up, and
                    # so a Changes sheet
                    write_assessment(path, ODD_NAMES[0] if i == 1 else name, "Site 'B' [2]",
                                     "Note: " + name * 20, f"2026-0{1 + i % 9}-15")
                    sources.append(path)
                self.export_all(tmp, sources, loc, allow_cut=False)

    def test_long_texts_only_our_words(self):
        """Organisation names and notes of 40,000 characters: only our own
        "was cut" lines on stderr"""
        long_name = ("Ünïcode 'Org' [x]:*?/\\ 🌍 " * 2000)[:40000]
        long_note = ("N" * 39999) + "!"
        for loc in LOCALES:
            if loc != "C.UTF-8" and not xlsxtest.locale_available(loc):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                sources = []
                for i in range(2):
                    path = os.path.join(tmp, f"long-{i}.emsa")
                    write_assessment(path, long_name, long_name, long_note, f"202{5 + i}-01-15")
                    sources.append(path)
                sources += EXAMPLES
                self.export_all(tmp, sources, loc, allow_cut=True)


if __name__ == "__main__":
    xlsxtest.main()
