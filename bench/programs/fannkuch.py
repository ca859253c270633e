"""Fannkuch-redux: pancake flips over every permutation of 1..n.

Models an exhaustive combinatorial search: permutations are generated in
place by a counting (Heap-like rotation) scheme, each one is flipped until 1
reaches the front, and the maximum flip count and a signed checksum are kept.
Stresses small-integer arithmetic, list slicing and in-place reversal.
"""

from _harness import main


def fannkuch(n):
    perm1 = list(range(n))
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


def run(n):
    nperm, flips, checksum = fannkuch(n)
    return ["n %d permutations %d" % (n, nperm),
            "checksum %d" % checksum,
            "max flips %d" % flips]


if __name__ == "__main__":
    main(run, normal=9, short=6)
