#!/usr/bin/python3
# bench-summary.py: `ten-elements --summary --json` over many .emsa files,
# copies of the examples in a temporary folder, in one process per run.
#
# Usage: bench-summary.py [TEN_ELEMENTS [N_FILES…]]   (default: $TEN_ELEMENTS,
# as build-aux/dev bench sets it, and 1000 5000 10000 files)
# Prints files per second of wall time and of CPU time (user + system: on
# a shared machine the wall time measures the neighbours too), and the peak
# memory, which must stay flat as the count grows. Target: >= 10,000 files/s
# over 10,000 files.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = sorted(glob.glob(os.path.join(HERE, "..", "data", "examples", "*.emsa")))


def run(exe, paths):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen([exe, "--summary", "--json", *paths],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{exe} --summary --json failed: {err.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest so far: runs go smallest first
    return wall, cpu, after.ru_maxrss / 1024.0


def main():
    exe = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.environ["TEN_ELEMENTS"])
    counts = [int(n) for n in sys.argv[2:]] or [1000, 5000, 10000]
    tmp = tempfile.mkdtemp(prefix="ems-bench-summary-")
    try:
        paths = []
        for i in range(max(counts)):
            path = os.path.join(tmp, f"a{i:05d}.emsa")
            shutil.copyfile(EXAMPLES[i % len(EXAMPLES)], path)
            paths.append(path)
        os.chdir(tmp)   # short relative names, as a script would pass them
        names = [os.path.basename(p) for p in paths]
        run(exe, names[:100])   # warm the page cache
        print(f"{'--summary --json':<28} {'wall files/s':>14} {'CPU files/s':>14} {'peak MB':>9}")
        for n in sorted(counts):
            best = None
            for _ in range(3):
                wall, cpu, rss = run(exe, names[:n])
                if best is None or cpu < best[1]:
                    best = (wall, cpu, rss)
            wall, cpu, rss = best
            print(f"{n:>6} files{'':<16} {n / wall:>14.0f} {n / cpu:>14.0f} {rss:>9.1f}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
