t = (1, 2, 3)
print(t + (4,), (0,) + t, t * 2, 2 * t, t * 0, t * -1, t[::-1], t[1:], t[:-1], t[::2], t[5:], t[-100:1])
print(t.index(2), t.index(3, 1), t.index(1, -3), t.count(2), t.count(7), len(t), 2 in t, 7 in t)
print(t < (1, 2, 4), t < (1, 2), t == (1, 2, 3), t != (1, 2, 3.0), (1, "a") < (1, "b"), () < (0,), (1, 2) >= (1, 2))
print(hash((1, 2)) == hash((1, 2)), hash(()) , hash((1,)), hash((1, 2, 3)), hash(((1, 2), (3,))), hash((None, True, 1.5)) == hash((None, True, 1.5)))
print(hash((-1,)), hash((2**61 - 1, -2**61)), hash(("",)), hash((0.0, -0.0)))
print(tuple(), tuple([1]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xy"))
u = (1,)
print(u, (u, u), ((),), ((1, 2),), tuple([()]))
for src in ["(1, 2)[2]", "(1,)[-2]", "()[0]", "k = 'a'; (1,)[k]", "k = 1.0; (1,)[k]", "(1,)[2**100]", "(1,) + [2]", "(1,) * 1.5",
            "(1,) * (2,)", "(1,).index(5)", "(1,).index()", "(1, 2).count()", "tuple(1)", "tuple(1, 2)", "tuple(x=1)",
            "hash((1, []))", "(1, 2) < (1, 'a')", "(1,) < [1]", "t = (1,); t[0] = 2", "t = (1,); del t[0]",
            "(1, 2, 3).index(3, 0, 2)", "().__getitem__()", "(1,).__len__(1)"]:
    try:
        exec(src)
        print("ok", src)
    except Exception as e:
        print(type(e).__name__, e)
class T(tuple):
    pass
x = T([1, 2])
print(x, type(x).__name__, type(x + (3,)).__name__, type(x[:1]).__name__, x == (1, 2), hash(x) == hash((1, 2)), repr(T()))
class P(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __repr__(self):
        return "P(%r, %r)" % self
p = P(3, 4)
print(p, p[0], len(p), tuple(p), p + p, sorted([P(2, 1), P(1, 2)]))
a, *b = (1, 2, 3)
print(a, b, tuple(reversed((1, 2, 3))), max((3, 1), (2, 9)), sorted([(2, "b"), (1, "c"), (2, "a")]))
nested = ([1],)
nested[0].append(nested)
print(nested)
