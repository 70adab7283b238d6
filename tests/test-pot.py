#!/usr/bin/python3
# test-pot.py: every translatable string of the checklist data and of the
# indicator set reaches the translation template, extracted the way meson's
# i18n module extracts it (xgettext over po/POTFILES.in, with data/ as a
# gettext data dir for the ITS rules); the indicator strings are translated
# in every language.
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
INDICATOR_TRANSLATABLE = ("name", "help", "unit-label", "per-label")


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


def po_translations(path):
    """msgid -> (msgstr, fuzzy) of a .po file (plural forms left out)"""
    result = {}
    msgid = msgstr = field = None
    fuzzy = False

    def flush():
        if msgid is not None and msgstr is not None:
            result["".join(msgid)] = ("".join(msgstr), fuzzy)

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#,"):
                flush()
                msgid = msgstr = field = None
                fuzzy = "fuzzy" in line
            elif line.startswith("msgid "):
                if field == "msgstr":
                    flush()
                    fuzzy = False
                msgid, msgstr, field = [json_unquote(line[6:])], None, "msgid"
            elif line.startswith("msgstr "):
                msgstr, field = [json_unquote(line[7:])], "msgstr"
            elif line.startswith('"') and field == "msgid":
                msgid.append(json_unquote(line))
            elif line.startswith('"') and field == "msgstr":
                msgstr.append(json_unquote(line))
            elif not line.strip():
                flush()
                msgid = msgstr = field = None
                fuzzy = False
            elif not line.startswith("#"):
                field = None
        flush()
    return result


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

# The indicator set (data/indicators.xml, its own ITS rules)
tree = ET.parse(os.path.join(src, "data", "indicators.xml"))
indicator_strings = [fold(el.text or "") for el in tree.iter() if el.tag in INDICATOR_TRANSLATABLE]
indicator_missing = [s for s in indicator_strings if s not in msgids]
languages = [l.strip() for l in open(os.path.join(src, "po", "LINGUAS"), encoding="utf-8")
             if l.strip() and not l.startswith("#")]
untranslated = []
for lang in languages:
    translations = po_translations(os.path.join(src, "po", lang + ".po"))
    for s in indicator_strings:
        msgstr, fuzzy = translations.get(s, ("", False))
        if not msgstr or fuzzy:
            untranslated.append((lang, "fuzzy" if fuzzy else "missing", s))

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
# ("%" alone is the unit of the renewable share, from the indicator data.)
cut = sorted(m for m in msgids if m.endswith("%") and not m.endswith("%%") and m != "%")

print("1..8")
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
print(("ok" if len(indicator_strings) > 40 else "not ok") + f" 6 - {len(indicator_strings)} strings in the indicator data")
print(("ok" if not indicator_missing and "Hazardous waste generated" in msgids else "not ok")
      + f" 7 - every indicator string is in the template ({len(indicator_missing)} missing)")
for s in indicator_missing[:10]:
    print("#   missing:", s)
print(("ok" if not untranslated and languages else "not ok")
      + f" 8 - every indicator string is translated in {', '.join(languages)} ({len(untranslated)} not)")
for lang, why, s in untranslated[:10]:
    print(f"#   {lang} {why}:", s)
sys.exit(1 if missing or unlisted or cut or sample not in msgids or len(expected) <= 100
         or indicator_missing or untranslated or len(indicator_strings) <= 40
         or "Hazardous waste generated" not in msgids or not languages else 0)
