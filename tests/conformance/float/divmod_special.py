# float //, %, divmod and / over special operands (signed zeros, infinities, nan, huge and tiny values).
inf = float('inf'); nan = float('nan')
xs = [0.0, -0.0, 1.0, -1.0, 7.5, -7.5, inf, -inf, nan, 1e308, -1e-308, 5e-324, 3, -3, 0, 10**30]
ys = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, inf, -inf, nan, 1e-308, 3, -3, 0, 1e308]
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ':' + str(e)
for x in xs:
    for y in ys:
        if isinstance(x, int) and isinstance(y, int):
            continue
        print(repr(x), repr(y), show(lambda: x // y), show(lambda: x % y), show(lambda: divmod(x, y)), show(lambda: x / y))
print(show(lambda: 10**400 // 1.0), show(lambda: 1.0 // 10**400), show(lambda: 10**400 % 2.0), show(lambda: divmod(2.0, 10**400)))
print(show(lambda: -1e-300 % 1e300), show(lambda: 1e-300 % -1e300), show(lambda: -5 % inf), show(lambda: 5 % -inf), show(lambda: -5 // inf))
