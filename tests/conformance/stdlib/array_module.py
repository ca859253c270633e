# array: construction for every typecode, item conversion errors, sequence
# operations (indexing, slicing, slice assignment, deletion), methods,
# comparisons, repr and CPython's messages.
import array
from array import array as A


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


print(array.typecodes, array.ArrayType is A)
for c in array.typecodes:
    a = A(c)
    print(c, a.itemsize, repr(a), a.typecode, len(a))
t(A, 'z')
t(A)
t(A, 'bb')
t(A, 1)
t(A, 'b', 1)
t(A, 'b', [1], 2)
t(A, 'b', initializer=[1])
for c in 'bBhHiIlLqQ':
    for v in [-2**70, -2**63 - 1, -2**63, -2**32, -2**31 - 1, -2**31, -32769, -32768,
              -129, -128, -1, 0, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
              2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**70]:
        try:
            a = A(c, [v])
        except Exception as e:
            print(c, v, type(e).__name__, e)
        else:
            print(c, v, a[0] == v)
t(A, 'b', [1.0])
t(A, 'd', ['x'])
t(A, 'f', [2**1024])
t(A, 'u', [1])
t(A, 'u', ['ab'])
t(A, 'u', 'abc')
t(A, 'b', 'abc')
t(A, 'f', [1, 2.5])
t(A, 'f', [1e39, 0.1])
t(A, 'b', b'\x01\xff')
t(A, 'h', b'\x01')
t(A, 'h', b'\x01\x00\x02\x00')
t(A, 'b', A('b', [1, 2]))
t(A, 'd', A('b', [1, 2]))
t(A, 'u', A('b', [1]))
t(A, 'b', A('u', 'a'))
t(A, 'b', A('d', [1.5]))
t(A, 'b', range(5))
t(A, 'd', (1, 2))
t(A, 'b', bytearray(b'ab'))
t(A, 'b', iter([3, 4]))


class I:
    def __index__(self):
        return 3


print(A('b', [I()]), A('d', [I()]), A('b', [True, False]))

a = A('i', [1, 2, 3, 4, 5])
print(a[0], a[-1], a[1:3], a[::-1], a[::2], a[5:1], a[-100:100], len(a))
t(a.__getitem__, 5)
t(a.__getitem__, -6)
t(a.__getitem__, 'x')
t(a.__getitem__, 2**70)
t(a.__getitem__, slice(0, 1, 0))
t(a.__setitem__, 5, 1)
t(a.__setitem__, 0, 'x')
t(a.__delitem__, 9)
a[1:3] = A('i', [9, 9, 9])
print(a)
t(a.__setitem__, slice(0, 2), [1])
t(a.__setitem__, slice(0, 2), A('d', [1]))
a[::2] = A('i', [0, 0, 0])
print(a)
t(a.__setitem__, slice(None, None, 2), A('i', [1]))
del a[::2]
print(a)
del a[0]
print(a)
a = A('i', [1, 2, 3])
a[1:1] = a
print(a)
a[:] = A('i')
print(a)
b = A('b', [0, 1, 2, 3, 4, 5])
del b[1:5:2]
print(b)
del b[10:]
print(b)
del b[::-1]
print(b)
b = A('b', [0, 1, 2, 3, 4, 5])
b[::-2] = A('b', [7, 8, 9])
print(b)

a = A('i', [9, 5])
a.append(7)
a.extend([8, 9])
a.extend(A('i', [10]))
print(a)
t(a.extend, A('d', [1.0]))
t(a.extend, 5)
t(a.append, 'x')
t(a.append)
print(a.pop(), a.pop(0), a)
t(A('b').pop)
t(a.pop, 99)
a.insert(0, 100)
a.insert(-100, 101)
a.insert(100, 102)
print(a)
t(a.insert, 'x', 1)
t(a.insert, 1)
print(a.index(9), a.count(9), a.count(12345))
t(a.index, 12345)
t(a.remove, 12345)
a.remove(9)
print(a)
t(a.index, 9, 0, 2)
t(a.index, 102, -1)
a.reverse()
print(a, a.tolist(), a.tobytes())
b = A('h', [1, 2])
b.byteswap()
print(b)
b.frombytes(b'\x03\x00')
print(b)
t(b.frombytes, b'\x01')
t(b.frombytes, 'x')
b.fromlist([5, 6])
print(b)
t(b.fromlist, (1,))
t(b.fromlist, [1, 'x'])
print(b)
u = A('u', 'hi')
u.fromunicode('jk')
print(u, u.tounicode(), u[0], u[1:3], list(u))
u.byteswap()
u.byteswap()
print(u)
t(b.fromunicode, 'x')
t(b.tounicode)
t(u.fromunicode, b'x')
t(u.append, 'xy')
t(A('b').tolist, 1)
t(A('b').count)

print(A('b', [1, 2]) == A('b', [1, 2]), A('b', [1, 2]) < A('b', [1, 3]), A('b', [1]) == A('d', [1.0]))
print(A('b', [1]) == [1], A('b', [1, 2]) >= A('b', [1]), A('b') < A('b', [0]))
print(A('f', [1.5]) == A('d', [1.5]), A('b', [1]) != A('b', [1, 2]))
print(A('d', [float('nan')]) == A('d', [float('nan')]), float('nan') in A('d', [float('nan')]))
print(A('b', [1, 2]) + A('b', [3]), A('b', [1]) * 3, 2 * A('b', [1]), A('b', [1]) * -1)
t(lambda: A('b') + A('h'))
t(lambda: A('b') + [1])
t(lambda: A('b') * 'x')
t(lambda: A('b', [1, 2]) * 2**70)
c = A('b', [1])
c += A('b', [2])
c *= 2
print(c)


def iadd(x, y):
    x += y
    return x


t(iadd, A('b'), [1])
t(iadd, A('b'), A('h'))
print(3 in c, 1 in c, 'x' in c, 1.0 in c)
print(list(iter(c)), type(iter(c)).__name__, c.buffer_info()[1])
print(A('d', [1.5, float('inf'), -0.0]), A('f', [0.1]), A('u', 'a\'"\n'), str(A('b', [1])))
t(hash, c)
print(A('Q', [2**64 - 1]), A('q', [-2**63]), A('L', [2**64 - 1]))
d = c.__copy__()
d.append(5)
print(c, d, c.__deepcopy__({}))
print(c.__reduce_ex__(2))
r = c.__reduce_ex__(3)
print(r[0].__name__, r[1][1:], r[0](*r[1]))


class Sub(A):
    pass


x = Sub('i', [1, 2])
print(x, type(x[0:1]).__name__, type(x + x).__name__, isinstance(x, A), x == A('i', [1, 2]))
t(Sub, 'i', initializer=[1])
print(A('b', [1, 2, 3]).__len__(), bool(A('b')), bool(A('b', [0])))
t(A('d', [1.0]).__setitem__, 0, 2)
t(A('d', [1.0]).__setitem__, 0, '2')
t(A('b', [1]).index, 1.0)


class F:
    def __init__(self):
        self.data = b''

    def write(self, b):
        self.data += b

    def read(self, n):
        out, self.data = self.data[:n], self.data[n:]
        return out


f = F()
A('h', [1, 2, 3]).tofile(f)
print(f.data)
g = A('h')
g.fromfile(f, 2)
print(g)
t(g.fromfile, f, 2)
print(g)
t(g.fromfile, f, -1)
print(array._array_reconstructor(A, 'h', 4, b'\x01\x00\x02\x00'))
