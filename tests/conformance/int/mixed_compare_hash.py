inf = float('inf'); nan = float('nan')
vals = [0, 1, -1, 2**53, 2**53 + 1, -(2**53 + 1), 2**63, 2**64 + 1, 10**400, -10**400, 2**1023, 2**1024, 2**1024 - 1, True, False,
        0.0, -0.0, 1.0, 0.5, -0.5, 9007199254740992.0, 9007199254740994.0, 1e308, -1e308, inf, -inf, nan, 1.7976931348623157e308, 5e-324, 2.0**63, 2.0**64]
for a in vals:
    row = []
    for b in vals:
        row.append(('<' if a < b else '') + ('=' if a == b else '') + ('>' if a > b else '') + ('!' if a != b else '') or '?')
    print(repr(a)[:12], ' '.join(row))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**61 - 2), hash(-1), hash(-2), hash(2**64), hash(-2**64), hash(10**30), hash(-10**30))
print(hash(0.5), hash(-0.5), hash(1e300), hash(1e-300), hash(2.0**61), hash(-2.0**70), hash(inf), hash(-inf), hash(1.5) == hash(3/2))
print({2**61 - 1: 'a', 0: 'b'}, len({1, 1.0, True}), len({2**70, float(2**70)}), {0.0: 1, -0.0: 2, False: 3})
print(sorted([3, 1.5, True, -2, 2**70, -1e300, 0.0]), max(1, 1.0), max(1.0, 1), min(0, -0.0, False))
print(1 in [1.0], 2**53 + 1 in [float(2**53 + 1)], 0.1 + 0.2 == 0.3, 1/3 == 0.3333333333333333)
