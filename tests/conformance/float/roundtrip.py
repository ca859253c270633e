# repr(x) is the shortest string that round-trips
vals = []
x = 0.1
for i in range(60):
    vals.append(x)
    x = x * 1.7 + 0.013
y = 1.0
for i in range(40):
    vals.append(y / 7)
    y *= -3.3
vals += [1 / 3, 2 / 7, 0.1 + 0.7, 1.1 * 1.1, 0.3 - 0.1, 1e-320, 4.9406564584124654e-324, 1.0000000000000002,
         0.9999999999999999, 123.456, 8.589973e9, 5e-310, 2.2250738585072009e-308]
ok = True
for v in vals:
    print(repr(v))
    if float(repr(v)) != v:
        ok = False
print("round trip:", ok)
