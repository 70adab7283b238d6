#!/usr/bin/python3
# test-cli-actions.py: --export OUT.csv --actions FILE, the action plan
# alone as CSV, read back with Python's csv module against the .emsa JSON.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import io
import json
import os
import subprocess
import tempfile
import unittest

EXE = os.environ["TEN_ELEMENTS"]
EXAMPLES = sorted(glob.glob(os.path.join(os.environ["EMS_EXAMPLES_DIR"], "*.emsa")))
COLUMNS = ["phase", "title", "description", "element", "question", "owner", "due", "status"]


def run(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["GDK_BACKEND"] = "no-such-backend"
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=60)


class ActionsCsv(unittest.TestCase):
    def test_matches_the_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            for example in EXAMPLES:
                out = os.path.join(tmp, "plan.csv")
                proc = run("--export", out, "--actions", example)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                with open(out, "rb") as f:
                    data = f.read()
                # The dialect of the other CSV outputs: no byte order mark
                self.assertFalse(data.startswith(b"\xef\xbb\xbf"))
                rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
                self.assertTrue(all(len(row) == len(COLUMNS) for row in rows), rows)
                self.assertEqual(rows[0], COLUMNS)
                with open(example, encoding="utf-8") as f:
                    actions = json.load(f).get("actions", [])
                self.assertEqual(len(rows) - 1, len(actions))
                for row, action in zip(rows[1:], actions):
                    got = dict(zip(COLUMNS, row))
                    self.assertEqual(got["title"], action.get("title", ""))
                    self.assertEqual(got["question"], action.get("question", ""))
                    self.assertEqual(got["due"], action.get("due", ""))
                    self.assertEqual(got["status"], action.get("status", "open"))
                    self.assertEqual(got["element"], str(action["element"]) if "element" in action else "")

    def test_usage(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "plan.csv")
            self.assertEqual(run("--actions", EXAMPLES[0]).returncode, 2)
            self.assertEqual(run("--export", os.path.join(tmp, "r.pdf"), "--actions", EXAMPLES[0]).returncode, 2)
            self.assertFalse(os.path.exists(out))
            self.assertFalse(os.path.exists(os.path.join(tmp, "r.pdf")))
            # Without --actions a .csv OUT is the answers, not the plan
            self.assertEqual(run("--export", out, EXAMPLES[0]).returncode, 0)
            with open(out, encoding="utf-8-sig", newline="") as f:
                self.assertTrue(f.readline().startswith("element,id,question"))


if __name__ == "__main__":
    unittest.main()
