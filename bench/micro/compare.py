"""Runs the micro benchmarks under each interpreter, 5 times each interleaved, and
prints the median wall time and the ratio to python3.

Usage: python3 bench/micro/compare.py [STITCH_BINARY]
"""

import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = ["fib.py", "int_loop.py", "float_loop.py"]
RUNS = 5


def main():
    stitch = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "target", "release", "stitch")
    interps = {"python3": [sys.executable], "stitch": [stitch]}
    times = {(p, n): [] for p in PROGRAMS for n in interps}
    outputs = {}
    for _ in range(RUNS):
        for p in PROGRAMS:
            for name, cmd in interps.items():
                t0 = time.perf_counter()
                r = subprocess.run(cmd + [os.path.join(HERE, p)], capture_output=True, text=True)
                times[(p, name)].append(time.perf_counter() - t0)
                outputs.setdefault(p, {})[name] = (r.returncode, r.stdout)
    print(f"{'program':<14}{'python3 s':>12}{'stitch s':>12}{'stitch/python3':>16}  output")
    for p in PROGRAMS:
        py = statistics.median(times[(p, "python3")])
        st = statistics.median(times[(p, "stitch")])
        same = "same" if outputs[p]["python3"] == outputs[p]["stitch"] else "DIFFERENT"
        print(f"{p:<14}{py:>12.3f}{st:>12.3f}{py / st:>15.2f}x  {same}")


if __name__ == "__main__":
    main()
