# Big-int arithmetic across operand sizes and signs: word-sized, 48/64-bit edges,
# multi-word, and floor divisions whose quotient is small (near multiples).
import random

r = random.Random(11)


def rnd():
    k = r.choice([1, 5, 30, 47, 48, 49, 62, 63, 64, 65, 100, 127, 128, 129, 190, 300, 1000])
    v = r.getrandbits(k)
    if r.random() < 0.3:
        v = (1 << k) - r.randrange(3)
    return -v if r.random() < 0.5 else v


P = (1 << 61) - 1
digest = [0] * 12
for _ in range(1500):
    a, b = rnd(), rnd()
    if r.random() < 0.2:
        b = a // r.choice([1, 2, 3, 7, 1 << 40, (1 << 61) + 1]) + r.randrange(-2, 3)
    if r.random() < 0.1:
        a = b * r.randrange(-(1 << 61), 1 << 61) + r.randrange(-5, 5)
    res = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a == b, a >= b]
    if b:
        q, m = divmod(a, b)
        assert q == a // b and m == a % b and q * b + m == a
        res += [q, m]
    for i, x in enumerate(res):
        digest[i] = (digest[i] * 31 + int(x)) % P
print(digest)
for a, b in [(10**40, 3), (-(10**40), 3), (10**40, -3), (10**40 + 7, 10**40), (-(10**40) - 7, 10**40),
             (10**40, -(10**39) - 1), (2**64, 2**64 - 1), (-(2**64), 2**63), (5, 10**30), (-5, 10**30),
             (5, -(10**30)), (0, 10**30), (3**100, 3**99), (-(3**100), 3**99 + 1)]:
    print(a // b, a % b, divmod(a, b), a - b, b - a, a * b % 1000003)
try:
    (10**30) // 0
except ZeroDivisionError as e:
    print(e)
try:
    (10**30) % 0
except ZeroDivisionError as e:
    print(e)
try:
    divmod(10**30, 0)
except ZeroDivisionError as e:
    print(e)
