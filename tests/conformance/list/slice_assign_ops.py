# Slice assignment and deletion, repetition, concatenation and in-place forms.
a = list(range(10))
a[2:5] = "xy"
print(a)
a[::2] = range(5)
print(a)
a[::-3] = [None] * 3
print(a)
a[5:2] = [7, 7]
print(a)
a[-2:] = []
print(a)
a[100:] = [1]
a[:0] = (-1, -2)
print(a)
del a[::3]
print(a)
del a[-1:2:-2]
print(a)
del a[5:1]
print(a)
b = [1, 2, 3]
b[1:2] = b
print(b)
b[::2] = b[::2][::-1]
print(b)
b[:] = []
print(b)
for src in ["x = [1, 2]; x[::2] = [1, 2]", "x = [1, 2]; x[1:] = 5", "x = [1]; x[::-1] = 5",
            "x = [1]; x['a':] = [1]", "x = [1]; x[::0] = []", "x = [1]; del x[::0]", "x = [1]; x[1.0]",
            "x = [1]; x[None]", "x = [1]; x[2**70]", "x = [1]; x[2**70] = 1", "x = [1]; del x[-2]",
            "x = [1]; x[0:1:1.5]", "x = [1, 2, 3]; x[:2:-1] = [9]", "[1] * 2.0", "2.0 * [1]", "[1] * '2'",
            "[] + ()", "() + []", "[] + 'a'", "x = []; x += 5", "x = []; x += 'ab'; print(x)",
            "x = [1]; x *= 3; print(x)", "x = [1]; x *= -1; print(x)", "x = [1]; x *= 2.5",
            "[1, 2] < [1, 'a']", "[1, 2] < (1, 2)", "[[]] < [[1]]", "[1] == [1.0]"]:
    try:
        exec(src)
        print("ok", src)
    except Exception as e:
        print(type(e).__name__, e)
c = [1, 2]
d = c
d += (3,)
print(c, c is d)
d = d * 2
print(c, d)
e = [[0] * 2] * 3
e[0][0] = 9
print(e)
f = [1, 2, 3]
f.extend(f)
print(f)
f.extend(x for x in range(3))
print(f, f.index(2), f.index(2, 2), f.index(1, -3, -1), f.count(2), f.count(9))
try:
    f.index(9, 0, 100)
except ValueError as e:
    print(e)
try:
    f.index(1, 1, 3)
except ValueError as e:
    print(e)
try:
    f.remove("zz")
except ValueError as e:
    print(e)
try:
    ["abc"].index("zz")
except ValueError as e:
    print(e)
g = [3, 1, 2]
print(g.pop(), g.pop(0), g, g.pop(-1), g)
for bad in ["g.pop()", "[1].pop(5)", "[1].pop(-2)", "[1].pop('a')", "[].insert(0)", "[].append()", "[].copy(1)"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
h = []
h.insert(5, "a")
h.insert(-10, "b")
h.insert(1, "c")
h.insert(-1, "d")
print(h)
r = [1, 2]
r.append(r)
print(r, repr([r, r]), str(r))
class L(list):
    def __repr__(self):
        return "L" + super().__repr__()
ll = L([3, 1, 2])
ll.sort()
print(ll, ll + [4], type(ll + [4]).__name__, ll * 2, type(ll[:1]).__name__, ll == [1, 2, 3], [1, 2, 3] == ll)
print(ll < [1, 2, 4], [0] < ll, ll.copy(), type(ll.copy()).__name__)
ll.clear()
ll += [5]
print(ll, list(reversed(L([1, 2]))), len(ll), bool(L()), L("ab"))
class Greedy(list):
    def __eq__(self, other):
        return "eq!"
print([1] == Greedy(), Greedy() == [1], [Greedy()] == [Greedy()])
print(list(), list("ab"), list((1,)), list({1: 2}), list(range(3)), list(x * 2 for x in "ab"))
m = [1, 2, 3]
m.__init__([9])
print(m)
m.__init__()
print(m)
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0], nested == [1, [2, [3, [4]]]], nested > [1, [2, [3]]])
