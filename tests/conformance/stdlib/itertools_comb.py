# itertools: combinatorics, tee and zip_longest.
import itertools as it

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

for expr in [
    "list(it.product('ab', 'xy'))", "list(it.product(range(2), repeat=3))", "list(it.product())",
    "list(it.product('ab', []))", "list(it.product('ab', repeat=0))", "len(list(it.product(range(4), repeat=4)))",
    "it.product('ab', repeat=-1)", "it.product(1)", "it.product('a', foo=1)", "it.product('a', repeat='x')",
    "list(it.permutations('abc'))", "list(it.permutations(range(4), 2))", "list(it.permutations('ab', 3))",
    "list(it.permutations('ab', 0))", "list(it.permutations([]))", "it.permutations('ab', -1)", "it.permutations('ab', 1.0)",
    "list(it.permutations(iterable='xy', r=None))", "len(list(it.permutations(range(6))))",
    "list(it.combinations('abcd', 2))", "list(it.combinations(range(5), 3))", "list(it.combinations('ab', 3))",
    "list(it.combinations('ab', 0))", "list(it.combinations([], 0))", "it.combinations('ab')", "it.combinations('ab', -2)",
    "list(it.combinations_with_replacement('abc', 2))", "list(it.combinations_with_replacement([], 2))",
    "list(it.combinations_with_replacement([], 0))", "list(it.combinations_with_replacement('ab', 0))",
    "list(it.combinations_with_replacement(range(3), 3))", "it.combinations_with_replacement('a', -1)",
    "list(it.zip_longest('abc', 'x'))", "list(it.zip_longest('abc', 'xy', fillvalue=0))", "list(it.zip_longest())",
    "list(it.zip_longest('', ''))", "it.zip_longest('a', fill=1)", "it.zip_longest(1)",
    "list(it.zip_longest([1, 2], iter([3]), range(4), fillvalue=None))",
    "it.tee([1], -1)", "it.tee([1], 0)", "len(it.tee([1]))", "len(it.tee([1], 5))", "it.tee()",
    "[list(t) for t in it.tee('abc', 3)]", "it.tee([1], 1.5)",
]:
    show(expr)

a, b = it.tee(iter(range(5)))
print(next(a), next(a), next(b), list(a), list(b))
a, b = it.tee(range(100))
print(sum(a), sum(b))
c = a.__copy__()
print(type(a).__name__, list(c))
x, y = it.tee("xyz")
z = it.tee(x)[0]
print(next(x), next(z), list(y))
# tee of a tee shares the buffer
t1, = it.tee([1, 2, 3], 1)
t2, t3 = it.tee(t1)
print(list(t2), list(t3))
# the pools are taken up front
pool = [1, 2]
p = it.product(pool, repeat=2)
pool.append(3)
print(list(p))
# results are fresh tuples
res = list(it.combinations(range(4), 2))
print(res[0] is not res[1], len(set(res)))
# large inputs stay lazy
print(next(it.product(range(10**6), repeat=5)), next(it.permutations(range(1000))) [:3])
print(sum(1 for _ in it.combinations(range(20), 3)), sum(1 for _ in it.combinations_with_replacement(range(10), 4)))
