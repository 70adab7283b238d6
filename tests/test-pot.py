#!/usr/bin/python3
# test-pot.py: every translatable string of the checklist data reaches the
# translation template, extracted the way meson's i18n module extracts it
# (xgettext over po/POTFILES.in, with data/ as a gettext data dir for the
# ITS rules).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

src = sys.argv[1]
# Elements of data/checklist.xml whose text is translated (data/its/checklist.its)
TRANSLATABLE = ("label", "meaning", "title", "why", "text", "help", "step", "clause")


def fold(s):
    return " ".join(s.split())


def pot_msgids(path):
    msgids = set()
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("msgid "):
                current = [line[6:]]
            elif line.startswith('"') and current is not None:
                current.append(line)
            else:
                if current is not None:
                    text = "".join(json_unquote(p) for p in current)
                    msgids.add(text)
                current = None
    return msgids


def json_unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return s[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, GETTEXTDATADIRS=os.path.join(src, "data"))
    subprocess.run(
        ["xgettext", "--package-name=ten-elements", "-p", tmp, "-o", "test.pot",
         "-f", os.path.join(src, "po", "POTFILES.in"), "-D", src,
         "--from-code=UTF-8", "--add-comments", "-k_", "-kN_", "-kC_:1c,2",
         "-kNC_:1c,2", "-kg_dngettext:2,3", "-kg_dgettext:2"],
        check=True, env=env)
    msgids = pot_msgids(os.path.join(tmp, "test.pot"))

tree = ET.parse(os.path.join(src, "data", "checklist.xml"))
expected = [fold(el.text or "") for el in tree.iter() if el.tag in TRANSLATABLE]
missing = [s for s in expected if s not in msgids]

# Every source file with translatable strings is listed in POTFILES.in,
# else its strings silently never reach translators.
listed = {l.strip() for l in open(os.path.join(src, "po", "POTFILES.in"), encoding="utf-8")
          if l.strip() and not l.startswith("#")}
unlisted = []
for pattern, marker in (("src/**/*.c", re.compile(r"\b(N?_|g_dngettext)\s*\(")),
                        ("ui/**/*.ui", re.compile(r'translatable="yes"'))):
    for path in sorted(glob.glob(os.path.join(src, pattern), recursive=True)):
        rel = os.path.relpath(path, src)
        with open(path, encoding="utf-8") as f:
            if marker.search(f.read()) and rel not in listed:
                unlisted.append(rel)

# A format macro xgettext cannot read (G_GINT64_FORMAT) cuts the string
# short at its "%", and the translation is then never found.
cut = sorted(m for m in msgids if m.endswith("%") and not m.endswith("%%"))

print("1..5")
print(("ok" if len(expected) > 100 else "not ok") + f" 1 - {len(expected)} strings in the checklist data")
print(("ok" if not missing else "not ok") + f" 2 - every checklist string is in the template ({len(missing)} missing)")
for s in missing[:10]:
    print("#   missing:", s)
sample = "Environmental Requirements and Voluntary Initiatives"
print(("ok" if sample in msgids else "not ok") + f" 3 - '{sample}' is in the template")
print(("ok" if not unlisted else "not ok") + f" 4 - every source file with translatable strings is in POTFILES.in ({len(unlisted)} missing)")
for rel in unlisted:
    print("#   not listed:", rel)
print(("ok" if not cut else "not ok") + f" 5 - no message is cut short by a format macro ({len(cut)} cut)")
for m in cut:
    print("#   cut:", m)
sys.exit(1 if missing or unlisted or cut or sample not in msgids or len(expected) <= 100 else 0)
