"""Shared mode and timing helper for the Stitch benchmark programs.

Every program in this directory defines ``run(size)`` returning its checksum
lines (a list of strings) and ends with::

    if __name__ == "__main__":
        main(run, normal=<size>, short=<size>)

Command line understood by every program:

    prog.py                         normal workload once (about 1-3 s on CPython)
    prog.py --short                 tiny workload (< 0.1 s on CPython), smoke tests
    prog.py --steady N [--warmup W] W warm-up runs (default 1), then N timed runs
    prog.py --size S                explicit workload size (for calibration)

The checksum lines go to stdout exactly once, whatever the number of runs; a
run whose result differs from the first one is an error (exit status 3).
Timing goes to stderr only, one record per line, space separated, every record
starting with ``#stitch-bench``:

    #stitch-bench mode <normal|short|custom> size <S> warmup <W> steady <N>
    #stitch-bench warmup <i> <seconds>
    #stitch-bench iter <i> <seconds>
    #stitch-bench total <seconds>

``iter`` lines are the timed runs (one in the plain normal or short mode, N in
steady mode); seconds come from ``time.perf_counter()`` with 6 decimals.
This module is plain Python and uses only ``sys`` and ``time``.
"""

import sys
import time

PREFIX = "#stitch-bench"


def _usage(msg):
    sys.stderr.write("error: %s\n" % msg)
    sys.stderr.write("usage: prog.py [--short | --size S] [--steady N [--warmup W]]\n")
    sys.exit(2)


def _parse(argv, normal, short):
    mode = "normal"
    size = normal
    steady = 0
    warmup = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--short":
            mode = "short"
            size = short
        elif arg in ("--steady", "--warmup", "--size"):
            if i + 1 >= len(argv):
                _usage("%s needs a value" % arg)
            try:
                value = int(argv[i + 1])
            except ValueError:
                _usage("%s needs an integer" % arg)
            if value < 0:
                _usage("%s must not be negative" % arg)
            if arg == "--steady":
                steady = value
            elif arg == "--warmup":
                warmup = value
            else:
                mode = "custom"
                size = value
            i += 1
        else:
            _usage("unknown argument %r" % arg)
        i += 1
    if warmup is None:
        warmup = 1 if steady else 0
    return mode, size, steady, warmup


def _emit(*fields):
    sys.stderr.write(" ".join([PREFIX] + [str(f) for f in fields]) + "\n")


def main(run, normal, short):
    """Parse sys.argv, run ``run(size)`` as asked, print checksum and timings."""
    mode, size, steady, warmup = _parse(sys.argv[1:], normal, short)
    _emit("mode", mode, "size", size, "warmup", warmup, "steady", steady)
    clock = time.perf_counter
    start_all = clock()
    first = None
    timed = steady if steady else 1
    for phase, count in (("warmup", warmup), ("iter", timed)):
        for i in range(count):
            t0 = clock()
            result = run(size)
            t1 = clock()
            lines = [str(line) for line in result]
            if first is None:
                first = lines
                sys.stdout.write("".join(line + "\n" for line in lines))
                sys.stdout.flush()
            elif lines != first:
                _emit("error", "result of", phase, i + 1, "differs from the first run")
                sys.exit(3)
            _emit(phase, i + 1, "%.6f" % (t1 - t0))
    _emit("total", "%.6f" % (clock() - start_all))
