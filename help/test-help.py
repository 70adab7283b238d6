#!/usr/bin/python3
# test-help.py: the user help is whole.
#
#   test-help.py SOURCE_ROOT BUILD_ROOT
#
# Every page is valid Mallard (yelp-check validate, or xmllint and the
# Mallard basics when yelp-tools is missing) and its id is its file name;
# every link leads to a page; help/meson.build lists every page; every page
# id the program refers to (EMS_HELP_PAGE ("id") or help:ten-elements/id in
# src/ and ui/) exists; the French and Spanish po files translate every
# message of the pages as they are now, and the merged pages are valid too;
# the HTML help was built for every language and page. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

src, build = sys.argv[1], sys.argv[2]
help_src = os.path.join(src, "help")
html_dir = os.path.join(build, "help", "html")
LANGUAGES = ("fr", "es")
MALLARD = "{http://projectmallard.org/1.0/}"

results = []


def check(ok, what, detail=""):
    results.append((bool(ok), what, detail))


def pages_in(directory):
    return sorted(glob.glob(os.path.join(directory, "*.page")))


def validate(paths):
    """Problems found in @paths, as text ("" when valid)"""
    if shutil.which("yelp-check"):
        r = subprocess.run(["yelp-check", "validate"] + paths,
                           capture_output=True, text=True)
        return (r.stdout + r.stderr).strip() if r.returncode or r.stdout.strip() else ""
    problems = []
    r = subprocess.run(["xmllint", "--noout"] + paths, capture_output=True, text=True)
    if r.returncode:
        problems.append(r.stderr.strip())
    for p in paths:
        try:
            root = ET.parse(p).getroot()
        except ET.ParseError as e:
            problems.append(f"{p}: {e}")
            continue
        if root.tag != MALLARD + "page":
            problems.append(f"{p}: the root is not a Mallard page")
        if root.get("type", "topic") not in ("guide", "topic"):
            problems.append(f"{p}: type {root.get('type')}")
        if root.find(MALLARD + "title") is None:
            problems.append(f"{p}: no title")
    return "\n".join(problems)


def po_entries(path):
    """{(msgctxt, msgid): (msgstr, fuzzy)}"""
    entries = {}
    cur = None

    def unquote(s):
        return s[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush():
        if cur is not None and cur.get("msgid") is not None:
            entries[(cur.get("msgctxt"), cur["msgid"])] = (cur.get("msgstr", ""), cur["fuzzy"])

    field = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            flush()
            cur = None
            continue
        if cur is None:
            cur = {"fuzzy": False}
        if line.startswith("#,") and "fuzzy" in line:
            cur["fuzzy"] = True
        elif line.startswith("#"):
            continue
        m = re.match(r'(msgctxt|msgid|msgstr) (".*")$', line)
        if m:
            field = m.group(1)
            cur[field] = unquote(m.group(2))
        elif line.startswith('"') and field:
            cur[field] += unquote(line)
    flush()
    return entries


c_pages = pages_in(os.path.join(help_src, "C"))
ids = {os.path.splitext(os.path.basename(p))[0] for p in c_pages}
check(len(c_pages) >= 10, f"{len(c_pages)} pages in help/C")

# Valid Mallard, ids as file names
problems = validate(c_pages)
check(problems == "", "the English pages are valid Mallard", problems)
for p in c_pages:
    root = ET.parse(p).getroot()
    name = os.path.splitext(os.path.basename(p))[0]
    check(root.get("id") == name, f"{name}.page has the id {name}", f"id={root.get('id')}")

# Links lead to pages
broken = []
for p in c_pages:
    root = ET.parse(p).getroot()
    for el in root.iter():
        xref = el.get("xref")
        if xref is not None and xref.split("#")[0] not in ids:
            broken.append(f"{os.path.basename(p)} → {xref}")
check(not broken, "every xref leads to a page", "\n".join(broken))

# Every page is built and installed
meson = open(os.path.join(help_src, "meson.build"), encoding="utf-8").read()
listed = set(re.findall(r"'([\w-]+)\.page'", meson))
check(listed == ids, "help/meson.build lists every page",
      f"unlisted {sorted(ids - listed)}, missing {sorted(listed - ids)}")

# The ids the program opens exist
referenced = set()
for path in glob.glob(os.path.join(src, "src", "**", "*.[ch]"), recursive=True) + \
        glob.glob(os.path.join(src, "ui", "*.ui")):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r'EMS_HELP_PAGE \("([^"]*)"\)|help:ten-elements/([\w-]+)', text):
        if os.path.basename(path) == "ems-help.h" and m.group(1) == "id":
            continue
        referenced.add(m.group(1) or m.group(2))
check(len(referenced) >= 4, f"the program refers to {len(referenced)} pages", str(sorted(referenced)))
for page in sorted(referenced):
    check(page in ids, f"the page “{page}” the program opens exists")

# Translations: complete for the pages as they are, and merged pages valid
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "help.pot")
    subprocess.run(["itstool", "-o", pot] + c_pages, check=True)
    wanted = po_entries(pot)
    wanted.pop((None, ""), None)
    for lang in LANGUAGES:
        po = os.path.join(help_src, lang, lang + ".po")
        have = po_entries(po)
        missing = [k[1][:60] for k in wanted if not have.get(k, ("", False))[0]]
        fuzzy = [k[1][:60] for k in wanted if have.get(k, ("", False))[1]]
        check(not missing, f"{lang}.po translates every message ({len(wanted)})",
              "\n".join(missing[:10]))
        check(not fuzzy, f"{lang}.po has no fuzzy message", "\n".join(fuzzy[:10]))
        r = subprocess.run(["msgfmt", "-c", "-o", os.path.join(tmp, lang + ".mo"), po],
                           capture_output=True, text=True)
        check(r.returncode == 0, f"{lang}.po compiles", r.stderr)
        if r.returncode:
            continue
        merged = os.path.join(tmp, lang)
        os.mkdir(merged)
        r = subprocess.run(["itstool", "-m", os.path.join(tmp, lang + ".mo"), "--lang", lang,
                            "-o", merged + os.sep] + c_pages, capture_output=True, text=True)
        check(r.returncode == 0 and "Warning" not in r.stdout + r.stderr,
              f"itstool merges {lang}.po without a warning", r.stdout + r.stderr)
        problems = validate(pages_in(merged))
        check(problems == "", f"the {lang} pages are valid Mallard", problems)
        same = [os.path.basename(p) for p in pages_in(merged)
                if open(p, encoding="utf-8").read().split("<title>")[1:2] ==
                open(os.path.join(help_src, "C", os.path.basename(p)),
                     encoding="utf-8").read().split("<title>")[1:2]]
        check(not same, f"every {lang} page has a translated title", " ".join(same))

# The HTML help was built for every language and page
for lang in ("C",) + LANGUAGES:
    missing = [i for i in sorted(ids) if not os.path.isfile(os.path.join(html_dir, lang, i + ".html"))]
    check(not missing, f"the {lang} HTML help was built", " ".join(missing))
    if lang != "C" and not missing:
        text = open(os.path.join(html_dir, lang, "index.html"), encoding="utf-8").read()
        check(f'lang="{lang}"' in text, f"the {lang} HTML is in {lang}")

print(f"1..{len(results)}")
for i, (ok, what, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok and detail:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
