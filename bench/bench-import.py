# bench-import.py: importing a filled questionnaire (issue 12)
#
# Times the whole process that reads a filled-in questionnaire back into
# an assessment (ten-elements --validate FILE.xlsx: reading, the workbook
# reader library opened, every cell checked), on a questionnaire
# pre-filled from a complete example and saved again by openpyxl, as a
# returned file would be; and in the same run a python3-openpyxl process
# that only loads the same workbook. Target: ≤ 50 ms as a whole process.
#
# usage: TEN_ELEMENTS=build/src/ten-elements /usr/bin/python3 bench/bench-import.py [FILE.emsa]
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TEN_ELEMENTS = os.environ.get("TEN_ELEMENTS", os.path.join(HERE, "..", "_build", "src", "ten-elements"))
EXAMPLES_DIR = os.environ.get("EMS_EXAMPLES_DIR", os.path.join(HERE, "..", "data", "examples"))
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
RUNS_APP = 30
RUNS_SCRIPT = 7


CPU = {}


def timed(argv, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000.0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time too: on a loaded machine the wall time mostly measures waiting
    CPU.setdefault(argv[1], []).append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000.0)
    return wall


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else sorted(glob.glob(os.path.join(EXAMPLES_DIR, "01-*.emsa")))[0]
    env = dict(os.environ, LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1795458600")

    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        ours = os.path.join(tmp, "questionnaire.xlsx")
        returned = os.path.join(tmp, "returned.xlsx")
        subprocess.run([TEN_ELEMENTS, "--export", ours, "--questionnaire", source], env=env, check=True,
                       stderr=subprocess.DEVNULL)
        subprocess.run([PYTHON, "-c", "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])",
                        ours, returned], env=env, check=True)

        app = [TEN_ELEMENTS, "--validate", returned]
        emsa = [TEN_ELEMENTS, "--validate", source]
        script = [PYTHON, "-c", "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])", returned]

        timed(app, env)      # warm the caches
        timed(script, env)
        app_ms = [timed(app, env) for _ in range(RUNS_APP)]
        mine_ms = [timed([TEN_ELEMENTS, "--validate", ours], env) for _ in range(RUNS_APP)]
        emsa_ms = [timed(emsa, env) for _ in range(RUNS_APP)]
        script_ms = [timed(script, env) for _ in range(RUNS_SCRIPT)]

        app_med = statistics.median(app_ms)
        script_med = statistics.median(script_ms)
        print(f"example: {os.path.basename(source)} ({os.path.getsize(returned)} B as saved by openpyxl)")
        print(f"import (whole process):   median {app_med:6.1f} ms, min {min(app_ms):6.1f} ms "
              f"({RUNS_APP} runs; target ≤ 50 ms)")
        print(f"  as written by us:       median {statistics.median(mine_ms):6.1f} ms, min {min(mine_ms):6.1f} ms")
        print(f"  the .emsa itself:       median {statistics.median(emsa_ms):6.1f} ms, min {min(emsa_ms):6.1f} ms "
              "(no workbook reader loaded)")
        print(f"openpyxl load_workbook:   median {script_med:6.1f} ms, min {min(script_ms):6.1f} ms "
              f"({RUNS_SCRIPT} runs; loading only)")
        print(f"ratio: {script_med / app_med:.1f}× faster")
        print(f"CPU time (user + system), median: import {statistics.median(CPU['--validate']):.1f} ms, "
              f"openpyxl {statistics.median(CPU['-c']):.1f} ms; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
