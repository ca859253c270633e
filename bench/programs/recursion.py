"""Recursion: classic recursive algorithms over trees and numbers.

Models the recursive kernels found in compilers and solvers: binary trees
built and walked recursively (allocation-heavy, like the binary-trees
benchmark), Takeuchi's function, Ackermann on small arguments, memoised
partition counting, Towers of Hanoi and a recursive merge sort. Stresses
call overhead, deep Python stacks, tuple allocation and small ints.
"""

import sys

from _harness import main


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def partitions(n, k, memo):
    """Number of partitions of n into parts of size at most k."""
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    v = memo.get(key)
    if v is None:
        v = partitions(n - k, k, memo) + partitions(n, k - 1, memo)
        memo[key] = v
    return v


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves[src * 3 + dst] += 1
    hanoi(n - 1, via, dst, src, moves)


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a = merge_sort(xs[:mid])
    b = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def run(depth):
    out = []
    long_lived = make_tree(depth)
    checks = 0
    for d in range(4, depth + 1, 2):
        iterations = 1 << (depth - d + 4)
        for _ in range(iterations):
            checks += check_tree(make_tree(d))
    out.append("trees depth %d checks %d long-lived %d" % (depth, checks, check_tree(long_lived)))
    out.append("tak %d ackermann %d" % (tak(depth + 4, depth // 2, 0), ackermann(2, depth * 20)))
    memo = {}
    out.append("partitions %d" % partitions(depth * 25, depth * 25, memo))
    moves = [0] * 9
    hanoi(depth + 4, 0, 2, 1, moves)
    out.append("hanoi " + " ".join(map(str, moves)))
    state = 1
    data = []
    for _ in range(depth * 1000):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(state % 100000)
    s = merge_sort(data)
    out.append("sorted ok %s min %d max %d" % (s == sorted(data), s[0], s[-1]))
    return out


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main(run, normal=16, short=6)
