# bench-xlsx.py: spreadsheet export speed (issue 5)
#
# Times the whole process `ten-elements --export OUT.xlsx FILE` on one
# complete example assessment, and in the same run an equivalent workbook
# written by python3-openpyxl (bench-xlsx-openpyxl.py: same sheets and rows,
# two charts), and prints the ratio. Targets: export ≤ 20 ms, ≥ 12× faster
# than the script.
#
# usage: TEN_ELEMENTS=build/src/ten-elements /usr/bin/python3 bench/bench-xlsx.py [FILE.emsa]
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TEN_ELEMENTS = os.environ.get("TEN_ELEMENTS", os.path.join(HERE, "..", "_build", "src", "ten-elements"))
FLOOR = os.path.join(os.path.dirname(os.path.abspath(TEN_ELEMENTS)), "..", "bench", "bench-xlsx-floor")
EXAMPLES_DIR = os.environ.get("EMS_EXAMPLES_DIR", os.path.join(HERE, "..", "data", "examples"))
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
RUNS_APP = 30
RUNS_SCRIPT = 7


def timed(argv, env):
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000.0


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else sorted(glob.glob(os.path.join(EXAMPLES_DIR, "01-*.emsa")))[0]
    env = dict(os.environ, LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1795458600")

    with tempfile.TemporaryDirectory(prefix="bench-xlsx-") as tmp:
        out_app = os.path.join(tmp, "app.xlsx")
        out_py = os.path.join(tmp, "openpyxl.xlsx")
        checklist = os.path.join(tmp, "checklist.json")
        with open(checklist, "w") as f:
            subprocess.run([TEN_ELEMENTS, "--checklist", "--json"], env=env, check=True, stdout=f)

        app = [TEN_ELEMENTS, "--export", out_app, source]
        script = [PYTHON, os.path.join(HERE, "bench-xlsx-openpyxl.py"), checklist, source, out_py]

        timed(app, env)      # warm the caches
        timed(script, env)
        app_ms = [timed(app, env) for _ in range(RUNS_APP)]
        script_ms = [timed(script, env) for _ in range(RUNS_SCRIPT)]

        floor_ms = []
        if os.access(FLOOR, os.X_OK):
            out_floor = os.path.join(tmp, "floor.xlsx")
            timed([FLOOR, out_floor], env)
            floor_ms = [timed([FLOOR, out_floor], env) for _ in range(RUNS_APP)]

        app_med = statistics.median(app_ms)
        script_med = statistics.median(script_ms)
        print(f"example: {os.path.basename(source)}")
        print(f"ten-elements --export: median {app_med:6.1f} ms, min {min(app_ms):6.1f} ms "
              f"({RUNS_APP} runs; target ≤ 20 ms) size {os.path.getsize(out_app)} B")
        print(f"openpyxl script:       median {script_med:6.1f} ms, min {min(script_ms):6.1f} ms "
              f"({RUNS_SCRIPT} runs) size {os.path.getsize(out_py)} B")
        if floor_ms:
            print(f"libxlsxwriter alone:   median {statistics.median(floor_ms):6.1f} ms, min {min(floor_ms):6.1f} ms "
                  f"({RUNS_APP} runs; same sheets and charts, nothing else)")
        print(f"ratio: {script_med / app_med:.1f}× faster (target ≥ 12×)")


if __name__ == "__main__":
    main()
