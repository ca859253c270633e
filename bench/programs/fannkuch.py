"""Fannkuch-redux: pancake flips over every permutation of 1..n.

Models an exhaustive combinatorial search: permutations are generated in
place by a counting (Heap-like rotation) scheme, each one is flipped until 1
reaches the front, and the maximum flip count and a signed checksum are kept.
The normal workload repeats n=9 from rotated start permutations, whose
results must not change. Stresses small-integer arithmetic, list slicing
and in-place reversal.
"""

from _harness import main


def fannkuch(n, rotate):
    perm1 = list(range(n))
    perm1 = perm1[rotate:] + perm1[:rotate]
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    nperm = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        first = perm1[0]
        if first:
            perm = perm1[:]
            flips = 0
            k = first
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        nperm += 1
        sign = -sign
        # next permutation: rotate the first r+1 elements left until a counter is left
        while True:
            if r == n:
                return nperm, max_flips, checksum
            p0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def run(rounds):
    """A quick n=7 pass, then `rounds` passes over n=9 from rotated start permutations."""
    out = []
    for n, rotate in [(7, 0)] + [(9, r) for r in range(rounds)]:
        nperm, flips, checksum = fannkuch(n, rotate)
        out.append("n %d rotate %d permutations %d checksum %d max flips %d" % (n, rotate, nperm, checksum, flips))
    return out


if __name__ == "__main__":
    main(run, normal=4, short=0)
