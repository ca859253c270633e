def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: set().pop())
show(lambda: {1}.remove(2))
show(lambda: {1}.remove((1, 2)))
show(lambda: {1}.remove([1]))
show(lambda: {1}.add([1]))
show(lambda: {1}.add({2}))
show(lambda: {1}.discard({2}))
show(lambda: set([[1]]))
show(lambda: {frozenset([1])}.remove({1}) or "removed")
show(lambda: {1} in {frozenset([1])})
show(lambda: {1, 2} < [1, 2, 3])
show(lambda: {1} | [2])
show(lambda: {1} & "a")
show(lambda: {1} - (1,))
show(lambda: {1} ^ None)
show(lambda: frozenset() + frozenset())
show(lambda: set(1))
show(lambda: set(1, 2))
show(lambda: set(x=1))
show(lambda: frozenset(x=1))
show(lambda: frozenset([1], [2]))
show(lambda: set().add())
show(lambda: set().add(1, 2))
show(lambda: set().union(x=1))
show(lambda: set().update([1], 5))
show(lambda: hash({1}))
show(lambda: {1}.issubset(5))
show(lambda: {1}.isdisjoint(5))
show(lambda: frozenset().add)
show(lambda: {{1}: 2})
show(lambda: set.add(frozenset(), 1))
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x + 100)
    break
print(sorted(s))
class S(set):
    pass
class F(frozenset):
    pass
print(S([1, 2]), S(), F([3]), F(), repr(S("ab")) in ("S({'a', 'b'})", "S({'b', 'a'})"))
print(type(S([1]) | {2}).__name__, type(F([1]) | {2}).__name__, type({2} | F([1])).__name__, type(S([1]).copy()).__name__)
print(S([1]) == {1}, F([1]) == frozenset([1]), hash(F([1])) == hash(frozenset([1])))
r = set()
r.add(r.__class__)
print(len(r))
print(set.__name__, frozenset.__name__, set[int], frozenset[str])
