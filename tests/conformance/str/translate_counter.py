# str.translate with every kind of mapping result and error, case mappings, and
# Counter/_count_elements over strs and iterables (int and non-int counts).
from collections import Counter
t = str.maketrans({'a': 'xyz', 'b': None, 'é': 'E', 'c': 100, '😀': '!'})
print('abcabcé😀zz'.translate(t), 'plain'.translate({}), ''.translate(t))
class M(dict):
    def __missing__(self, k):
        return None if k % 2 else k + 1
print('abcdef'.translate(M()))
class L:
    def __getitem__(self, k):
        if k == 120: raise LookupError
        return 'Q'
print('axb'.translate(L()))
for bad in [{97: 1.5}, {97: -1}, {97: 0x110000}]:
    try:
        'a'.translate(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print('ABC Déf'.lower(), 'abc'.upper(), 'hello world'.title(), 'ß'.upper(), 'ǅ'.lower())
c = Counter('hello world')
c.update('lll')
c.update(['a', 'a', 'l'])
print(sorted(c.items()))
c2 = Counter({'x': 1.5})
c2.update('xx')
print(c2)
class MyC(Counter): pass
m = MyC('abca'); m.update('é😀é')
print(sorted(m.items()))
d = {}
import collections
collections._count_elements(d, 'abracadabra')
print(d)
