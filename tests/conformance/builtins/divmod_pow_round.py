print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(10 ** 20, 3))
print(pow(2, 8), pow(2.0, 8), pow(2, -1), pow(4, 0.5), pow(7, 3, 5), pow(-2, 3), pow(0, 0), pow(0.0, 0))
print(round(2.5), round(3.5), round(-2.5), round(2.567, 2), round(2.5, 0), round(25, -1), round(35, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2, 0)).__name__)
tests = [lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: divmod(1), lambda: pow(1), lambda: pow("a", 2),
         lambda: round(), lambda: round(1, 2, 3), lambda: round(None), lambda: divmod(1.5, 0)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
