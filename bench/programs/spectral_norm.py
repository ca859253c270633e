"""Spectral norm: the largest singular value of an infinite matrix, truncated.

Models power iteration on A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
computing sqrt(u.Av / v.v). Stresses float division, generator expressions
over ranges, zip and sum, and function calls in inner loops.
"""

from _harness import main


def a_elem(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1) >> 1) + i + 1)


def mul_av(v, n):
    return [sum(a_elem(i, j) * v_j for j, v_j in enumerate(v)) for i in range(n)]


def mul_atv(v, n):
    return [sum(a_elem(j, i) * v_j for j, v_j in enumerate(v)) for i in range(n)]


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def run(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return ["n %d" % n, "norm %.9f" % ((vbv / vv) ** 0.5)]


if __name__ == "__main__":
    main(run, normal=550, short=40)
