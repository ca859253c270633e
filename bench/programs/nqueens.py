"""N-queens: count and fingerprint every placement of n non-attacking queens.

Models a backtracking search twice over: a bitmask solver that counts all
solutions, and a set-based solver that yields each board as a tuple so the
solutions can be canonicalised under the 8 board symmetries. Stresses
recursion, generators, integer bit tricks, sets and tuple hashing.
"""

from _harness import main


def count_bits(n):
    full = (1 << n) - 1

    def place(cols, d1, d2):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | d1 | d2)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
        return total

    return place(0, 0, 0)


def solutions(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    board = []

    def place(row):
        if row == n:
            yield tuple(board)
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            board.append(c)
            yield from place(row + 1)
            board.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    return place(0)


def symmetries(sol):
    n = len(sol)
    out = []
    cur = sol
    for _ in range(4):
        # rotate 90 degrees: queen at (r, c) goes to (c, n-1-r)
        rot = [0] * n
        for r, c in enumerate(cur):
            rot[c] = n - 1 - r
        cur = tuple(rot)
        out.append(cur)
        out.append(tuple(reversed(cur)))
    return out


def run(n):
    out = []
    for size in range(4, n + 1):
        out.append("bitmask %d %d" % (size, count_bits(size)))
    unique = set()
    total = 0
    digest = 0
    for sol in solutions(n - 1):
        total += 1
        canon = min(symmetries(sol))
        unique.add(canon)
        digest = (digest * 131 + sum((i + 1) * c for i, c in enumerate(sol))) % 1000000007
    out.append("solutions %d %d unique %d digest %d" % (n - 1, total, len(unique), digest))
    return out


if __name__ == "__main__":
    main(run, normal=13, short=7)
