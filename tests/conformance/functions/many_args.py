def f(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t):
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t
print(f(*range(20)))
print(f(*range(10), *range(10, 20)))
print(f(**{chr(ord("a") + i): i for i in range(20)}))
def g(*args):
    return len(args), sum(args)
print(g(*range(1000)))
def h(**kw):
    return len(kw)
print(h(**{"k" + str(i): i for i in range(500)}))
big = list(range(100000))
print(g(*big))
