cases = [
    lambda: exec_unpack2([1, 2, 3]), lambda: exec_unpack2([1]), lambda: exec_unpack2([]),
    lambda: exec_unpack2(5), lambda: exec_unpack2(None), lambda: exec_star([]),
    lambda: exec_star([1]), lambda: exec_unpack2("abc"), lambda: exec_unpack3(range(10)),
    lambda: exec_unpack2({1: 1}), lambda: exec_nested([1, [2]]), lambda: exec_nested([1, 2]),
]
def exec_unpack2(v):
    a, b = v
    return a, b
def exec_unpack3(v):
    a, b, c = v
    return a, b, c
def exec_star(v):
    a, b, *c = v
    return a, b, c
def exec_nested(v):
    a, (b, c) = v
    return a, b, c
for c in cases:
    try:
        print(c())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
