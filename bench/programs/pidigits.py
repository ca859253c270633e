"""Pi digits: a streaming spigot for the decimal digits of pi with big ints.

Models arbitrary-precision arithmetic as used by exact calculators: Gibbons'
unbounded spigot emits digits from a linear fractional transform kept in four
growing integers. Stresses big-integer multiply, add and floor division.
"""

from _harness import main


def pi_digits(count):
    q, r, t, k = 1, 0, 1, 1
    n, l = 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return out


def run(count):
    digits = pi_digits(count)
    text = "".join(map(str, digits))
    lines = []
    for i in range(0, min(len(text), 100), 50):
        lines.append(text[i:i + 50])
    lines.append("digits %d sum %d last %s" % (count, sum(digits), text[-20:]))
    return lines


if __name__ == "__main__":
    main(run, normal=7000, short=300)
