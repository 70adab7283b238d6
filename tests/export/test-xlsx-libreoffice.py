# test-xlsx-libreoffice.py: the exported workbook recalculated by LibreOffice
#
# LibreOffice (headless, a private profile with "recalculate on load:
# always") opens the workbook, recalculates every formula and saves it;
# openpyxl then reads LibreOffice's values. They must equal the app's scores
# (--summary --json), also after a level is changed in the Answers sheet, and
# under French and Spanish (Mexico) locales.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import xlsxtest
from xlsxtest import (ANS_LEVEL, COL_BAND, COL_COVERAGE, COL_GAP,
                      COL_RED_FLAG, COL_SCORE, EXAMPLES, SUM_COVERAGE,
                      SUM_FIRST_ELEMENT_ROW, SUM_OVERALL, SUM_RED_FLAGS)

xlsxtest.require_openpyxl()
import openpyxl  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(paths, outdir, profile, lc_all="C.UTF-8"):
    """Opens each workbook in LibreOffice, recalculating on load, and saves
    it as .xlsx in outdir; returns the new paths."""
    user = os.path.join(profile, "user")
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
        f.write(REGISTRY)
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, LC_ALL=lc_all, HOME=profile)
    env.pop("LANGUAGE", None)
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}",
                           "--headless", "--norestore", "--nolockcheck",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                           "--outdir", outdir] + paths,
                          env=env, capture_output=True, text=True, timeout=180)
    outs = [os.path.join(outdir, os.path.basename(p)) for p in paths]
    missing = [o for o in outs if not os.path.exists(o)]
    if missing:
        raise AssertionError(f"LibreOffice did not convert {missing}: {proc.stdout} {proc.stderr}")
    return outs


class LibreOffice(xlsxtest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="test-xlsx-lo-")
        cls.dir = cls.tmp.name

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def assertSummaryMatches(self, recalculated, app, compare_words=True):
        # By position: under fr_FR or es_MX the sheet names are translated
        ws = openpyxl.load_workbook(recalculated, data_only=True).worksheets[0]
        self.assertScore(ws[SUM_OVERALL].value, app["overall"], "overall")
        self.assertScore(ws[SUM_COVERAGE].value, app["coverage"], "coverage")
        flags = 0
        for i, element in enumerate(app["elements"]):
            row = SUM_FIRST_ELEMENT_ROW + i
            msg = f"element {element['number']}"
            self.assertScore(ws[f"{COL_SCORE}{row}"].value, element["score"], msg)
            self.assertScore(ws[f"{COL_GAP}{row}"].value, element["gap"], msg)
            self.assertScore(ws[f"{COL_COVERAGE}{row}"].value, element["coverage"], msg)
            if compare_words:
                band = ws[f"{COL_BAND}{row}"].value
                self.assertEqual((band or None) and band.lower(), element["band"], msg)
                self.assertEqual(ws[f"{COL_RED_FLAG}{row}"].value == "Yes", element["red_flag"], msg)
            flags += element["red_flag"]
        self.assertEqual(ws[SUM_RED_FLAGS].value, flags)

    def test_recalculated_scores_and_edits(self):
        # The three examples as exported, recalculated by LibreOffice
        sources = list(EXAMPLES)
        exported = []
        for source in sources:
            out = self.path(os.path.basename(source) + ".xlsx")
            xlsxtest.export(source, out)
            exported.append(out)

        # A workshop edits levels in the Answers sheet: a level changed, a
        # question marked N/A, an answer cleared, a critical question at 0
        data = xlsxtest.load_json(EXAMPLES[0])
        questions = [q for e in xlsxtest.checklist()["elements"] for q in e["questions"]]
        row_of = {q["id"]: row for row, q in enumerate(questions, start=2)}
        critical = next(q["id"] for q in questions if q["critical"] and q["id"].startswith("5."))
        edits = {"1.1": 0, "3.2": "N/A", "4.1": None, critical: 0, "10.1": 4}
        wb = openpyxl.load_workbook(exported[0])
        ws = wb["Answers"]
        for qid, level in edits.items():
            ws[f"{ANS_LEVEL}{row_of[qid]}"] = level
            if level == "N/A":
                data["answers"][qid] = {"not_applicable": True, "reason": "edited"}
            elif level is None:
                data["answers"].pop(qid, None)
            else:
                data["answers"][qid] = {"level": level}
        edited = self.path("edited.xlsx")
        wb.save(edited)
        edited_source = self.path("edited.emsa")
        with open(edited_source, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        expected_after_edit = xlsxtest.summary(edited_source)
        before = xlsxtest.summary(EXAMPLES[0])
        self.assertNotEqual(expected_after_edit["overall"], before["overall"])

        # Recalculation on load is really on: a wrong stored value is fixed
        tampered = self.path("tampered.xlsx")
        with zipfile.ZipFile(exported[0]) as zin, zipfile.ZipFile(tampered, "w") as zout:
            for item in zin.infolist():
                part = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    part, n = re.subn(rb'(<c r="C14"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)',
                                      rb"\g<1>999\g<2>", part)
                    self.assertEqual(n, 1)
                zout.writestr(item, part)
        self.assertEqual(openpyxl.load_workbook(tampered, data_only=True)["Summary"][SUM_OVERALL].value, 999)

        results = recalculate(exported + [edited, tampered], self.path("lo"), self.path("profile"))
        results, tampered_result = results[:-1], results[-1]
        self.assertSummaryMatches(tampered_result, before)

        for source, result in zip(sources, results):
            with self.subTest(source=os.path.basename(source)):
                self.assertSummaryMatches(result, xlsxtest.summary(source))
        with self.subTest(edited=True):
            self.assertSummaryMatches(results[-1], expected_after_edit)
            answers = openpyxl.load_workbook(results[-1], data_only=True)["Answers"]
            self.assertEqual(answers[f"G{row_of['3.2']}"].value, "Yes")
            self.assertTrue(answers[f"F{row_of['1.1']}"].value.startswith("Not in place"))

    def test_locales(self):
        """A regulator in France or Mexico sees the same scores"""
        for loc in ["fr_FR.UTF-8", "es_MX.UTF-8"]:
            with self.subTest(locale=loc):
                if not xlsxtest.locale_available(loc):
                    self.skipTest(f"locale {loc} is not generated")
                name = loc.split(".")[0]
                out = self.path(f"{name}.xlsx")
                xlsxtest.export(EXAMPLES[1], out, lc_all=loc)
                result, = recalculate([out], self.path(f"lo-{name}"),
                                      self.path(f"profile-{name}"), lc_all=loc)
                self.assertSummaryMatches(result, xlsxtest.summary(EXAMPLES[1]),
                                          compare_words=False)

    def test_translated_workbook(self):
        """Translated sheet names and words keep the formulas working: a
        stand-in French catalogue with awkward names (apostrophes, one in
        the sheet the charts draw from, and characters a sheet name cannot
        hold) and a translated N/A mark. libxlsxwriter says nothing on
        stderr."""
        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            self.skipTest("msgfmt (gettext) is not installed")
        if not xlsxtest.locale_available("fr_FR.UTF-8"):
            self.skipTest("locale fr_FR.UTF-8 is not generated")
        po = self.path("fr.po")
        with open(po, "w", encoding="utf-8") as f:
            f.write(FAKE_FRENCH)
        mo_dir = self.path("locale", "fr", "LC_MESSAGES")
        os.makedirs(mo_dir)
        subprocess.run([msgfmt, "-o", os.path.join(mo_dir, "ten-elements.mo"), po], check=True)

        out = self.path("traduit.xlsx")
        env = xlsxtest.env_for("fr_FR.UTF-8")
        env["EMS_LOCALEDIR"] = self.path("locale")
        proc = subprocess.run([xlsxtest.TEN_ELEMENTS, "--export", out, EXAMPLES[1]],
                              env=env, check=True, timeout=60, capture_output=True, text=True)
        self.assertEqual(proc.stderr, "")

        wb = openpyxl.load_workbook(out)
        self.assertEqual(wb.sheetnames[:2], ["Synthèse_ _l'équipe_", "Réponses de l'atelier"])
        answers = wb.worksheets[1]
        lists = [dv for dv in answers.data_validations.dataValidation if dv.type == "list"]
        self.assertEqual(lists[0].formula1, '"0,1,2,3,4,S.O."')
        self.assertIn("S.O.", [c.value for c in answers["E"]])
        self.assertIn("'Réponses de l''atelier'!", wb.worksheets[0][f"{COL_SCORE}{SUM_FIRST_ELEMENT_ROW}"].value)

        result, = recalculate([out], self.path("lo-traduit"), self.path("profile-traduit"),
                              lc_all="fr_FR.UTF-8")
        app = xlsxtest.summary(EXAMPLES[1])
        self.assertSummaryMatches(result, app, compare_words=False)
        ws = openpyxl.load_workbook(result, data_only=True).worksheets[0]
        for i, element in enumerate(app["elements"]):
            row = SUM_FIRST_ELEMENT_ROW + i
            self.assertEqual(ws[f"{COL_RED_FLAG}{row}"].value == "Oui", element["red_flag"])
            if element["band"] == "red":
                self.assertEqual(ws[f"{COL_BAND}{row}"].value, "Rouge")


FAKE_FRENCH = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgctxt "sheet name"
msgid "Summary"
msgstr "Synthèse: [l'équipe]"

msgctxt "sheet name"
msgid "Answers"
msgstr "Réponses de l'atelier"

msgid "N/A"
msgstr "S.O."

msgid "Yes"
msgstr "Oui"

msgid "No"
msgstr "Non"

msgid "Red"
msgstr "Rouge"
"""


if __name__ == "__main__":
    if SOFFICE is None:
        xlsxtest.skip("LibreOffice is not installed (libreoffice-calc-nogui)")
    xlsxtest.main()
