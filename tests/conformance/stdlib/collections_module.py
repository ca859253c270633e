# collections: namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap, UserDict/List/String.
import collections
import collections.abc
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]), len(p), p == (1, 2))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3._field_defaults, P3(1, 2, 3)._asdict())
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError", e)
R = namedtuple("R", "class def", rename=True)
print(R._fields, isinstance(p, tuple), hash(p) == hash((1, 2)))
x, y = p
print(x, y, Point.x.__doc__)

d = deque([1, 2, 3], maxlen=5)
d.extendleft([0, -1])
d.rotate(1)
print(d, d.maxlen, list(reversed(d)))

dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dict(dd), dd["z"], sorted(dd))

c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["zz"], sorted(c.elements()))
c.update("aaz")
c.subtract({"b": 5})
print(c, +c, -c, c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) & Counter(a=1, b=2), Counter(a=1) | Counter(a=2, c=1))
print(Counter(cats=4, dogs=8).most_common(), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}))

od = OrderedDict(b=2, a=1)
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict.fromkeys("xyz", 0)
od2.move_to_end("x", last=False)
print(od2, od2 == OrderedDict([("x", 0), ("y", 0), ("z", 0)]), od2 == {"z": 0, "y": 0, "x": 0})
print(repr(OrderedDict()), OrderedDict(a=1) | {"b": 2})

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], cm.parents, dict(cm))
cm["z"] = 26
print(cm.maps)

class MyDict(collections.UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
md = MyDict(a=1)
md["b"] = 2
print(md, md.data, "a" in md, len(md))
ul = collections.UserList([3, 1, 2])
ul.sort()
print(ul, ul + [4], ul * 2, ul[1:])
us = collections.UserString("hello")
print(us.upper(), us + "!", us[1:3], len(us))
print(isinstance({}, collections.abc.Mapping), isinstance([], collections.abc.Sequence), issubclass(deque, collections.abc.MutableSequence))
