# Calls inlined into loop traces: methods, closures, nested calls, callees that
# raise, callees redefined or rebound mid-loop, recursion, callees with their own
# loops and generators, and tracebacks through inlined frames.
import traceback


def add(a, b):
    return a + b


def twice(x):
    return add(x, x)


class Acc:
    def __init__(self):
        self.total = 0

    def push(self, v):
        self.total = add(self.total, v)
        return self


def run_methods(n):
    acc = Acc()
    for i in range(n):
        acc.push(twice(i)).push(1)
    return acc.total


print(run_methods(500))


def make_scaler(k):
    def scale(v):
        return v * k
    return scale


def run_closures(n):
    s3 = make_scaler(3)
    out = 0
    for i in range(n):
        out += s3(i)
        if i == n // 2:
            s3 = make_scaler(5)
    return out


print(run_closures(600))


def risky(i):
    if i % 97 == 96:
        raise ValueError(f"bad {i}")
    return i


def run_raising(n):
    caught = []
    total = 0
    for i in range(n):
        try:
            total += risky(i)
        except ValueError as e:
            caught.append(str(e))
    return total, caught[:3], len(caught)


print(run_raising(1000))


def helper(x):
    return x + 1


def run_rebinding(n):
    global helper
    total = 0
    for i in range(n):
        total += helper(i)
        if i == 300:
            helper = lambda x: x - 1
    return total


print(run_rebinding(700))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def run_recursive(n):
    return [fact(i % 15) for i in range(n)][-3:]


print(run_recursive(400))


def inner_loop(k):
    s = 0
    for j in range(k):
        s += j
    return s


def gen(k):
    yield from range(k)


def run_nested(n):
    total = 0
    for i in range(n):
        total += inner_loop(i % 7) + sum(gen(i % 5))
    return total


print(run_nested(800))


def deep3(i):
    if i == 450:
        raise KeyError(i)
    return i


def deep2(i):
    return deep3(i) + 1


def deep1(i):
    return deep2(i) * 2


def run_traceback(n):
    t = 0
    for i in range(n):
        t += deep1(i)
    return t


try:
    run_traceback(1000)
except KeyError:
    lines = traceback.format_exc().splitlines()
    print("\n".join(l for l in lines if l.strip().startswith(("File", "KeyError"))).replace(__file__, "FILE"))


class Shape:
    def area(self):
        return 1


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


def run_poly(items):
    total = 0
    for it in items:
        total += it.area()
    return total


print(run_poly([Square(i) for i in range(300)] + [Shape() for _ in range(300)] + [Square(2)] * 100))
Square.area = lambda self: -1
print(run_poly([Square(i) for i in range(300)]))
