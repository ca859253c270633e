"""Generator pipeline: a streaming log-analytics job built from generators.

Models an ETL pipeline: a source generator synthesises sensor events, stages
chained with ``yield from``, generator expressions and itertools (filtering,
windowing, grouping, merging of sorted streams) reduce them to statistics.
Stresses generator creation, resumption and suspension, and iterator protocol.
"""

import heapq
import itertools

from _harness import main


def events(seed, count, sensor_ids):
    state = seed
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        sensor = sensor_ids[state % len(sensor_ids)]
        value = (state >> 7) % 1000
        yield (i * 3 + seed % 3, sensor, value)


def only_valid(stream):
    for ts, sensor, value in stream:
        if value % 97 != 0:
            yield ts, sensor, value


def scaled(stream, factor):
    for ts, sensor, value in stream:
        yield ts, sensor, value * factor // 10


def windows(stream, width):
    window = []
    for item in stream:
        window.append(item)
        if len(window) == width:
            yield tuple(window)
            window = []
    if window:
        yield tuple(window)


def chained(*streams):
    for s in streams:
        yield from s


def running_max(values):
    best = None
    for v in values:
        if best is None or v > best:
            best = v
        yield best


def fib_like(a, b):
    while True:
        yield a
        a, b = b, (a + b) % 1000003


def run(count):
    sensors = ["s%02d" % i for i in range(12)]
    # three sorted streams merged by timestamp
    streams = [scaled(only_valid(events(seed, count, sensors)), 7) for seed in (11, 22, 33)]
    merged = heapq.merge(*streams)
    per_sensor = {}
    window_sums = 0
    nwin = 0
    for win in windows(merged, 16):
        nwin += 1
        window_sums += max(v for _, _, v in win) - min(v for _, _, v in win)
        for _, sensor, value in win:
            per_sensor[sensor] = per_sensor.get(sensor, 0) + value
    # grouping a sorted stream
    keyed = sorted(((v % 10, v) for _, _, v in only_valid(events(5, count // 2, sensors))))
    groups = [(k, sum(1 for _ in g)) for k, g in itertools.groupby(keyed, key=lambda kv: kv[0])]
    # chained generators, including a lazily consumed infinite one
    mixed = sum(x for x in itertools.islice(chained(range(100), (i * i for i in range(50)), fib_like(1, 1)),
                                           count // 20) if x % 3 == 0)
    fl = list(itertools.islice(fib_like(1, 2), count // 10))
    peaks = list(running_max(fl))
    total = sum(itertools.takewhile(lambda v: v < 10 ** 9, itertools.accumulate(fl)))
    top = sorted(per_sensor.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return ["windows %d spread %d" % (nwin, window_sums),
            "top " + " ".join("%s=%d" % kv for kv in top),
            "groups " + " ".join("%d:%d" % g for g in groups),
            "fib peak %d accumulated %d mixed %d" % (peaks[-1], total, mixed)]


if __name__ == "__main__":
    main(run, normal=600000, short=3000)
