# Ints around the 48-bit immediate and 64-bit boundaries: arithmetic, hashing,
# comparison, conversion and use as keys, made by different routes.

edges = []
for b in (46, 47, 48, 49, 62, 63, 64, 65):
    for d in (-1, 0, 1):
        edges.append(2**b + d)
        edges.append(-(2**b) + d)
for x in edges:
    print(x, hash(x), hash(x) == hash(int(str(x))), x == int(str(x)), x.bit_length(),
          bool(x), -x, abs(x), ~x, x >> 3, x << 2, x & 0xFFFF, x | 1, x ^ -1)
    print(x + 1, x - 1, x * 3, x // 7, x % 7, divmod(x, -5), x ** 2, x / 3, float(x),
          x == float(x), x < float(x) + 1e9, str(x), repr(x), hex(x), format(x, ","))
    print(x.to_bytes(10, "big", signed=True), int.from_bytes(x.to_bytes(10, "little", signed=True), "little", signed=True) == x)

state = 7
seen = {}
for i in range(2000):
    state = state * 1103515245 + 12345
    mid = state
    state &= 0x7FFFFFFF
    seen[mid] = i
print(len(seen), state, sum(seen) % 1000003, min(seen), max(seen) > 2**60)
a = 2**50 + 5
b = (2**25) * (2**25) + 5
c = int("1125899906842629")
d = 1125899906842629.0
print(a == b == c, a is not None, hash(a) == hash(b) == hash(c) == hash(d), {a: 1, b: 2, c: 3, d: 4})
print({2**63 - 1: "max", 2**63: "over", -(2**63): "min"}[(2**62) * 2])
print(sorted([2**60, -2**60, 2**47, 3, -2**48, 2**64, 2**63 - 1]))
print(max(2**50, 2**49, 2**63), min(-2**63, -2**64), sum([2**62] * 4), 2**62 * 4 - 2**64)


class I(int):
    pass


w = I(2**55 + 1)
print(w, w + 1, type(w + 1).__name__, hash(w) == hash(2**55 + 1), w == 2**55 + 1, int(w) * 2)
print(int.__sizeof__(2**50) > 0, (2**50).__index__(), (2**50).real, (2**50).numerator, (2**50).denominator)
print((2**62 + 2**61) * 2, (-2**63) // -1, (-2**63) * -1, -(-2**63), abs(-2**63), 2**63 - 2**63)
print(pow(2**50 + 3, 3, 2**61 - 1), round(2**55 + 7, -3), (2**55).as_integer_ratio(), (10**18).bit_count())
print(range(2**50, 2**50 + 10, 3)[2], list(range(2**62, 2**62 + 3)), len(range(0, 2**62, 2**40)))
print([1, 2, 3][2**0], "%d %x %o %e" % (2**60, 2**60, 2**60, 2**60), f"{2**58:_}", f"{-2**49:>30}")
