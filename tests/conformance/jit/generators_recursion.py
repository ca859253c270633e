# Generators resumed inside hot loops, recursion through loops, and a loop whose
# trace is thrown away while it is still running (a helper re-entering Python).
def gen(n):
    for i in range(n):
        yield i * 2

def consume():
    t = 0
    for v in gen(500):
        t += v
    g = gen(300)
    while True:
        try:
            t += next(g)
        except StopIteration:
            break
    return t

print(consume())

def walk(depth):
    if depth == 0:
        return 1
    total = 0
    for _ in range(3):
        total += walk(depth - 1)
    return total

print(walk(6))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(20)])

class Weird:
    """__eq__ changes the types the calling loop sees."""
    count = 0

    def __eq__(self, other):
        Weird.count += 1
        if Weird.count == 150:
            Weird.__eq__ = lambda self, other: "changed"
        return Weird.count % 2 == 0

def scan(items):
    hits = 0
    for a in items:
        r = a == 1
        if r is True:
            hits += 1
        elif r == "changed":
            hits += 1000
    return hits

print(scan([Weird() for _ in range(400)]))

def reentrant(n):
    # sorted() calls the key function (Python) from Rust while this loop is hot.
    acc = []
    for i in range(n):
        acc.append(sorted([3, 1, 2], key=lambda x: -x if i % 2 else x))
    return acc[-2:]

print(reentrant(300))
