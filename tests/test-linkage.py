#!/usr/bin/python3
# test-linkage.py: the layout that ships. The executable never needs GTK,
# GDK or libadwaita, directly or through the libraries it links; every
# private library resolves all its symbols from what it links itself (no
# symbols borrowed from the executable); and the headless commands run
# without loading GTK, Cairo or Pango.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

build = sys.argv[1]
src = os.path.join(build, "src")
exe = os.path.join(src, "ten-elements")
libs = ["libten-elements-core.so", "libten-elements-workbook.so", "libten-elements-reader.so",
        "libten-elements-graphics.so", "libten-elements-gui.so"]
examples = sys.argv[2]
GUI = re.compile(r"lib(gtk-4|gdk|adwaita-1)[.-]")
DRAWING = re.compile(r"lib(cairo|pango[a-z]*-1\.0)\.so")

results = []


def check(ok, name, detail=""):
    results.append((ok, name, detail))


def needed(path):
    out = subprocess.run(["readelf", "-d", path], check=True, capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


exe_needed = needed(exe)
bad = [n for n in exe_needed if GUI.search(n)]
check(not bad and exe_needed, "the executable's NEEDED list holds no GTK, GDK or libadwaita",
      " ".join(exe_needed))
check("libten-elements-core.so" in exe_needed, "the executable links the core library")

closure = subprocess.run(["ldd", exe], check=True, capture_output=True, text=True).stdout
bad = [l.strip() for l in closure.splitlines() if GUI.search(l) or DRAWING.search(l)]
check(not bad, "nothing the executable loads at start needs GTK, Cairo or Pango", "; ".join(bad))

for lib in libs:
    path = os.path.join(src, lib)
    out = subprocess.run(["ldd", "-r", path], capture_output=True, text=True)
    undefined = [l.strip() for l in (out.stdout + out.stderr).splitlines() if "undefined symbol" in l]
    check(out.returncode == 0 and not undefined, f"{lib} resolves every symbol from its own links",
          "; ".join(undefined[:5]))
    if lib != "libten-elements-gui.so":
        bad = [n for n in needed(path) if GUI.search(n)]
        check(not bad, f"{lib} needs no GTK", " ".join(bad))
    check("libten-elements-core.so" in needed(path) or lib == "libten-elements-core.so",
          f"{lib} links the one core library")

# The workbook reader's libraries are opened only for a workbook
READER = re.compile(r"lib(gsf-1|xml2)\.so")
bad = [n for n in exe_needed if READER.search(n) or "ten-elements-reader" in n]
check(not bad, "the executable does not link the workbook reader, libgsf or libxml2", " ".join(bad))
bad = [l.strip() for l in closure.splitlines() if READER.search(l)]
check(not bad, "nothing the executable loads at start needs libgsf or libxml2", "; ".join(bad))

# At run time: --summary loads neither the window nor the graphics library
env = dict(os.environ, LD_DEBUG="files")
example = os.path.join(examples, "01-northshore-metal-finishing.emsa")
run = subprocess.run([exe, "--summary", "--json", example], capture_output=True, text=True, env=env)
check("libten-elements-core.so" in run.stderr, "the loader's trace of --summary is read (LD_DEBUG=files)")
bad = [l for l in run.stderr.splitlines()
       if "file=" in l and (GUI.search(l) or DRAWING.search(l) or "ten-elements-gui" in l
                            or "ten-elements-graphics" in l)]
check(run.returncode == 0 and not bad, "--summary runs without loading GTK, Cairo or Pango",
      "; ".join(bad[:3]))

bad = [l for l in run.stderr.splitlines()
       if "file=" in l and (READER.search(l) or "ten-elements-reader" in l)]
check(run.returncode == 0 and not bad, "--summary of an .emsa loads no libgsf, libxml2 or workbook reader",
      "; ".join(bad[:3]))

print(f"1..{len(results)}")
for i, (ok, name, detail) in enumerate(results, 1):
    print(("ok" if ok else "not ok") + f" {i} - {name}")
    if not ok and detail:
        print(f"#   {detail}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
