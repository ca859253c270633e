# float ** with special operands, int ** negative, mixed, and the error texts.
inf = float('inf'); nan = float('nan')
xs = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, inf, -inf, nan, 3, -3, 0, 1e308, 5e-324]
ys = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, -3.0, 2.5, inf, -inf, nan, 1e10, 1023, 1024, -1075, 2, -2, 0]
for x in xs:
    out = []
    for y in ys:
        try:
            r = x ** y
            out.append(repr(r))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(repr(x), out)
for x in [2, -2, 10, 0, 1, -1, 7]:
    print([x ** e if e >= 0 or x else 'z' for e in range(-5, 6)])
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e, e.args)
try:
    pow(-2.0, 10001)
except OverflowError as e:
    print(type(e).__name__, e, e.args)
print(pow(2, 0.5), pow(2.0, 3), pow(-8, 1/3), (-1) ** 0.5, (-4.0) ** -0.5)
print(10 ** -1, 10 ** -20, 2 ** -1074, 2 ** -1075, 2 ** -1076, (-2) ** -1075)
print(pow(3, -2), pow(-3, -3), pow(2**100, -1), pow(5, 0), pow(0, 0), pow(0.0, 0.0), pow(nan, 0), pow(1, nan), pow(1.0, inf))
