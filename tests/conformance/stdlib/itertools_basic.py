# itertools: the infinite and terminating iterators, reprs, laziness and errors.
import itertools as it

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

for expr in [
    "list(it.islice(it.count(), 5))", "list(it.islice(it.count(10, -2), 4))", "list(it.islice(it.count(0.5, 0.25), 3))",
    "repr(it.count())", "repr(it.count(5))", "repr(it.count(1, 2))", "repr(it.count(1.5))", "repr(it.count(0, 1.0))",
    "repr(it.count(2**70))", "next(it.count(2**47 - 1, 1)), list(it.islice(it.count(2**47 - 1), 3))",
    "it.count('a')", "it.count(1, 'b')", "it.count(1, 2, 3)",
    "list(it.islice(it.cycle('abc'), 7))", "list(it.cycle([]))", "it.cycle()", "it.cycle(5)",
    "list(it.repeat('x', 3))", "list(it.repeat('x', -1))", "repr(it.repeat(1))", "repr(it.repeat([1], 2))",
    "list(it.islice(it.repeat(0), 4))", "it.repeat()", "it.repeat(1, 'x')", "it.repeat(1, 2.0)",
    "it.repeat(1, 3).__length_hint__()", "it.repeat(1).__length_hint__()",
    "list(it.accumulate([1, 2, 3, 4]))", "list(it.accumulate([1, 2, 3], lambda a, b: a * b))",
    "list(it.accumulate([], initial=5))", "list(it.accumulate([1, 2], initial=100))", "list(it.accumulate('abc'))",
    "list(it.accumulate([3, 1, 4, 1, 5], max))", "list(it.accumulate([1, 'a']))", "it.accumulate()",
    "list(it.accumulate(iterable=[1, 2], func=None))",
    "list(it.chain('ab', [1, 2], (), range(2)))", "list(it.chain())", "list(it.chain.from_iterable(['ab', 'cd']))",
    "list(it.chain(1, 2))", "list(it.chain.from_iterable([1]))", "it.chain(a=1)", "list(it.chain.from_iterable(x for x in ['xy']))",
    "list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1]))", "list(it.compress('ABC', [1]))", "list(it.compress(data='ab', selectors=[0, 1]))",
    "list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]))", "list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1]))",
    "list(it.filterfalse(lambda x: x % 2, range(10)))", "list(it.filterfalse(None, [0, 1, '', 'a', None]))",
    "it.dropwhile(len)", "it.takewhile(len, 1)", "list(it.takewhile(len, [1]))",
    "list(it.starmap(pow, [(2, 5), (3, 2)]))", "list(it.starmap(lambda *a: a, ['ab', ()]))", "list(it.starmap(pow, [1]))",
    "list(it.islice('ABCDEFG', 2))", "list(it.islice('ABCDEFG', 2, 4))", "list(it.islice('ABCDEFG', 2, None))",
    "list(it.islice('ABCDEFG', 0, None, 2))", "list(it.islice('ABCDEFG', None))", "list(it.islice('AB', 5, 10))",
    "it.islice('ab', -1)", "it.islice('ab', 1, -1)", "it.islice('ab', 0, 1, 0)", "it.islice('ab', 'x')",
    "it.islice('ab', 0, 1, 'x')", "it.islice('ab')", "it.islice('ab', 1, 2, 3, 4)", "list(it.islice(range(10), 1, 9, 3))",
    "list(it.pairwise('abcd'))", "list(it.pairwise('a'))", "list(it.pairwise([]))", "it.pairwise()",
    "[(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')]", "[k for k, g in it.groupby('AAAABBBCCD')]",
    "[(k, list(g)) for k, g in it.groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)]", "list(it.groupby([]))",
    "it.groupby()", "list(it.groupby(5))",
    "[(k, len(list(g))) for k, g in it.groupby(sorted('mississippi'))]",
]:
    show(expr)

# islice consumes exactly what CPython consumes.
src = iter(range(10))
print(list(it.islice(src, 0, 5, 3)), next(src))
src = iter(range(10))
print(list(it.islice(src, 3)), list(src))
# groupby: a group is invalid once the groupby advances.
groups = list(it.groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = it.groupby("aaabb")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2))
# laziness: nothing is consumed before next()
calls = []
def gen():
    for i in range(3):
        calls.append(i)
        yield i
c = it.chain(gen(), gen())
print(calls, next(c), calls)
acc = it.accumulate(gen())
print(next(acc), calls)
# dropwhile and takewhile stop calling the predicate
seen = []
def pred(x):
    seen.append(x)
    return x < 2
print(list(it.dropwhile(pred, [0, 1, 2, 0, 1])), seen)
seen.clear()
print(list(it.takewhile(pred, [0, 1, 2, 0, 1])), seen)
# subclassing
class MyCount(it.count):
    pass
m = MyCount(3)
print(type(m).__name__, next(m), next(m), repr(m))
class MyChain(it.chain):
    def __init__(self, *args):
        self.n = len(args)
mc = MyChain([1], [2, 3])
print(mc.n, list(mc))
print(type(it.count()), type(it.chain.from_iterable([])), type(it.groupby("a").__next__()[1]))
print(iter(it.count()) is not None, it.count.__module__, it.chain.__name__)
