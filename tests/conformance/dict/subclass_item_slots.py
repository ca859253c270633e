# Item get/set on dict subclasses: inherited dict slots, __missing__ (defaultdict,
# Counter, user classes), overridden __getitem__/__setitem__; str concatenation and
# equality of equal strs that are different objects as keys.
from collections import defaultdict, Counter, OrderedDict
d = defaultdict(list)
d['a'].append(1); d['b'] += [2]
print(d, d['zz'], len(d))
class D(dict):
    def __missing__(self, k): return k * 2
e = D(x=1)
print(e['x'], e['ab'], 'ab' in e)
class G(dict):
    def __getitem__(self, k): return 'G'
    def __setitem__(self, k, v): super().__setitem__(k, v * 10)
g = G(); g['q'] = 2
print(g['nope'], dict.__getitem__(g, 'q'))
dd = defaultdict(None)
try:
    dd['k']
except KeyError as ex:
    print('KeyError', ex)
c = Counter('hello'); c['l'] += 5; print(c['l'], c['missing'])
o = OrderedDict(); o['b'] = 1; o['a'] = 2; print(list(o), o['a'])
class H(dict): pass
h = H(); h[1] = 2; h[1.0] += 1; print(h)
try:
    h[[1]]
except TypeError as ex:
    print(ex)
try:
    h['missing']
except KeyError as ex:
    print(repr(ex))
s = 'ab' + 'cd'; t = 'é' + 'x'; u = '' + 'z'; print(s, t, u, len(t), t[1], (t + t)[2], 'a' * 20 + 'b' * 20 == 'a' * 20 + 'b' * 20)
print({'abc' + 'def': 1}['abcdef'], 'x' * 17 in {'x' * 17}, ('y' * 3) in {'yyy': 0})
print(D.fromkeys('ab'))
