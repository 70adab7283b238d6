# xlsxtest.py: shared helpers for the workbook tests driven through the
# command line (ten-elements --export) and read back by independent readers.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import shutil
import subprocess
import sys
import unittest
import warnings

SSCONVERT = shutil.which("ssconvert")
TEN_ELEMENTS = os.environ.get("TEN_ELEMENTS", "ten-elements")
EXAMPLES_DIR = os.environ.get("EMS_EXAMPLES_DIR", "")
EXAMPLES = sorted(glob.glob(os.path.join(EXAMPLES_DIR, "0[1-3]-*.emsa")))

# A fixed export time (2026-11-23 18:30:00 UTC) for reproducible files
EPOCH = "1795458600"

# Where the Summary sheet keeps its figures (1-based rows; see ems-xlsx.c)
SUM_TARGET_LEVEL = "C11"
SUM_TARGET = "C12"
SUM_OVERALL = "C14"
SUM_BAND = "C15"
SUM_COVERAGE = "C16"
SUM_RED_FLAGS = "C17"
SUM_HEADER_ROW = 19
SUM_FIRST_ELEMENT_ROW = 20
# Summary table columns
COL_SCORE, COL_TARGET, COL_GAP, COL_BAND, COL_COVERAGE, COL_RED_FLAG = "CDEFGH"
# Answers sheet columns
ANS_LEVEL, ANS_MEANING, ANS_NA, ANS_REASON, ANS_NOTE, ANS_EVIDENCE = "EFGHIJ"


def skip(reason):
    # build-aux/dev test installs every reader: under CI a missing one is a
    # set-up bug, never a quiet skip.
    if os.environ.get("CI") == "true":
        print(f"FAIL: {reason}")
        sys.exit(1)
    print(f"SKIP: {reason}")
    sys.exit(77)


def require_openpyxl():
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        skip("python3-openpyxl is not installed (run with /usr/bin/python3)")


def locale_available(name):
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    wanted = name.lower().replace("-", "").replace("utf8", "utf8")
    return any(line.lower().replace("-", "") == wanted.replace("-", "")
               for line in out.split())


def env_for(lc_all="C.UTF-8", epoch=EPOCH):
    env = dict(os.environ)
    env["LC_ALL"] = lc_all
    env.pop("LANGUAGE", None)
    if epoch is None:
        env.pop("SOURCE_DATE_EPOCH", None)
    else:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


def run(args, lc_all="C.UTF-8", epoch=EPOCH, check=True):
    proc = subprocess.run([TEN_ELEMENTS] + args, env=env_for(lc_all, epoch),
                          capture_output=True, text=True, timeout=60)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} exited {proc.returncode}: {proc.stderr}")
    return proc


def export(source, out, lc_all="C.UTF-8", epoch=EPOCH):
    return run(["--export", out, source], lc_all=lc_all, epoch=epoch)


def summary(source):
    """The app's own scores for one file (the contract of --summary --json)"""
    data = json.loads(run(["--summary", "--json", source]).stdout)
    assert len(data) == 1
    return data[0]


def checklist():
    return json.loads(run(["--checklist", "--json"]).stdout)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def gnumeric_recalculate(paths, outdir, lc_all="C.UTF-8"):
    """Gnumeric's ssconvert opens each workbook, recalculates every formula
    and saves it again as .xlsx in outdir; returns the new paths."""
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, LC_ALL=lc_all)
    env.pop("LANGUAGE", None)
    outs = []
    for path in paths:
        out = os.path.join(outdir, os.path.basename(path))
        proc = subprocess.run([SSCONVERT, "--recalc", "--export-type=Gnumeric_Excel:xlsx2",
                               path, out], env=env, capture_output=True, text=True, timeout=120)
        if proc.returncode != 0 or not os.path.exists(out):
            raise AssertionError(f"ssconvert did not convert {path}: {proc.stderr}")
        outs.append(out)
    return outs


def load_workbook(path, data_only=True):
    """openpyxl's workbook; Gnumeric writes no default cell style, which
    openpyxl says on every load (unittest resets the warning filters)"""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Workbook contains no default style")
        import openpyxl
        return openpyxl.load_workbook(path, data_only=data_only)


class TestCase(unittest.TestCase):
    def assertScore(self, cell_value, expected, msg=None):
        """A workbook figure against the app's: null is an empty cell"""
        if expected is None:
            self.assertIn(cell_value, (None, ""), msg)
        else:
            self.assertIsInstance(cell_value, (int, float), msg)
            self.assertAlmostEqual(cell_value, expected, places=9, msg=msg)


def main():
    if not os.path.exists(TEN_ELEMENTS):
        skip(f"{TEN_ELEMENTS} is not built")
    if len(EXAMPLES) < 3:
        skip(f"the example assessments are missing from {EXAMPLES_DIR!r}")
    unittest.main(verbosity=2)
