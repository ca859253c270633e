# Integer %-formatting and format() across the i64 edge (machine and big int
# paths), str(x), str.join (lists, tuples, iterators, subclasses), dict(d) copies.
for v in [0, 5, -5, 255, -255, 2**40, -2**47, 2**62, -2**63, 2**64, -2**100, True]:
    print("%d %5d %-5d| %x %X %o %#x %#o %+d % d %05d %.3d %i %u" % ((v,) * 14))
    print(format(v, 'd'), format(v, 'x'), format(v, '#X'), format(v, 'o'), format(v, '#b'), format(v, ','), format(v, '_x'), format(v, '>12'), format(v, 'n'), f"{v:+08d}")
import sys
print("%d.%02d" % divmod(12345, 100), "%s-%r" % ('a', 'b'))
print(str(5), str(), str('x'), str(b'ab', 'ascii'), str(object=3))
class S(str): pass
print(type(str(S('q'))), type(S(5)), S(5))
print('-'.join(['a', 'é', 'b']), ''.join(('x',)), ', '.join([]), 'é'.join(['', '']), '😀'.join('abc'), ''.join(S(c) for c in 'ab'), type(''.join([S('z')])))
try:
    ''.join(['a', 1])
except TypeError as e:
    print(e)
d = {'a': 1, 'b': 2}; del d['a']; d['c'] = 3
e = dict(d); e['z'] = 0; print(e, d, dict({}), dict({'q': 1}, r=2))
big = {i: i * i for i in range(1000)}
c = dict(big); c[5] = -1; print(len(c), c[5], big[5], list(c)[:5] == list(big)[:5], c == {**big, 5: -1})
class DD(dict): pass
print(dict(DD(x=1)), DD(dict(y=2)))
