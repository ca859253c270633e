def f(a, b=2, *args, c, d=4, **kw):
    e = 5
    return a, b, args, c, d, kw, e
print(f(1, c=3))
print(f(1, 9, 8, 7, c=3, z=0))
def shadow_param(x):
    x = x + 1
    return x
v = 1
print(shadow_param(v), v)
def swap(a, b):
    a, b = b, a
    return a, b
print(swap(1, 2))
def globals_vs_locals():
    total = 0
    for value in [1, 2, 3]:
        total += value
    return total
total = "global total"
print(globals_vs_locals(), total)
