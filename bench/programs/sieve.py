"""Prime sieves: Eratosthenes on a bytearray and a segmented sieve on lists.

Models number-theory bookkeeping: counts primes below a limit two ways,
then computes twin-prime counts, prime gaps and a Goldbach check over a
range. Stresses slice assignment, integer loops, list and dict updates.
"""

from _harness import main


def sieve_bytes(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    i = 2
    while i * i <= limit:
        if flags[i]:
            flags[i * i::i] = bytes(len(range(i * i, limit + 1, i)))
        i += 1
    return flags


def segmented(limit, segment):
    base = [p for p in range(2, int(limit ** 0.5) + 2) if all(p % q for q in range(2, int(p ** 0.5) + 1))]
    primes = []
    low = 0
    while low <= limit:
        high = min(low + segment, limit + 1)
        mark = [True] * (high - low)
        for p in base:
            if p * p >= high:
                break
            start = max(p * p, (low + p - 1) // p * p)
            for m in range(start, high, p):
                mark[m - low] = False
        for k in range(high - low):
            v = low + k
            if mark[k] and v >= 2:
                primes.append(v)
        low = high
    return primes


def run(limit):
    flags = sieve_bytes(limit)
    count = sum(flags)
    primes = segmented(limit, 8192)
    assert len(primes) == count, (len(primes), count)
    twins = 0
    gaps = {}
    for a, b in zip(primes, primes[1:]):
        g = b - a
        gaps[g] = gaps.get(g, 0) + 1
        if g == 2:
            twins += 1
    widest = max(gaps)
    # Goldbach: number of ways to write small even numbers as p + q
    top = min(limit // 100, 20000)
    ways_total = 0
    for even in range(4, top + 1, 2):
        ways = 0
        for p in primes:
            if p > even // 2:
                break
            if flags[even - p]:
                ways += 1
        ways_total += ways
    return ["primes below %d: %d" % (limit, count),
            "twins %d widest gap %d (x%d)" % (twins, widest, gaps[widest]),
            "goldbach ways up to %d: %d" % (top, ways_total),
            "last prime %d" % primes[-1]]


if __name__ == "__main__":
    main(run, normal=10000000, short=20000)
