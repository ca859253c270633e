# struct: format parsing, sizes and alignment, Struct objects, pack_into,
# unpack_from, iter_unpack and their errors.
import struct


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


for fmt in ['', 'c', 'ci', 'ic', '<ci', '@qcP', '0i', 'c0i', '3si', 'bhiq', '>bhiq', 'hhl',
            'e', '@ce', '@cd', '@cf', '5?', '@c?q', ' i i ', '\ti\n', '2x', '@xl',
            'n', 'N', '@bN', '=q', '!h']:
    t(struct.calcsize, fmt)
for fmt in ['z', '3', 'i3', '<n', '<N', '=P', '\0', 'i\0', '3 i', '99999999999999999999q',
            '9999999999999999999q', 'é', 1, b'i', bytearray(b'i'), None]:
    t(struct.calcsize, fmt)
t(struct.calcsize, '999999999999999999q')
t(struct.calcsize, 'ii', 1)
t(struct.calcsize)

s = struct.Struct('>3si')
print(s.format, s.size, s.unpack(b'abc\x00\x00\x00\x05'), s.pack(b'xy', 3))
print(struct.Struct(b'<h').format, struct.Struct(format='h').size)
t(setattr, s, 'size', 3)
t(setattr, s, 'format', 'i')
t(struct.Struct)
t(struct.Struct, 'i', 'x')
t(struct.Struct, 5)
t(struct.Struct, 'y')
print(type(s).__name__, type(s).__module__, struct.error.__module__, struct.error.__mro__)


class S(struct.Struct):
    pass


x = S('hh')
print(x.pack(1, 2), type(x).__name__, isinstance(x, struct.Struct), x.size)

t(struct.unpack, 'i', b'abc')
t(struct.unpack, 'i', 'abcd')
t(struct.unpack, 'i', b'abcde')
t(struct.unpack, 'i')
t(struct.unpack, b'<i', bytearray(b'\x01\x00\x00\x00'))
t(struct.unpack_from, 'i', b'abc')
t(struct.unpack_from, '<i', b'abcdef', 2)
t(struct.unpack_from, 'i', b'abcdef', 3)
t(struct.unpack_from, 'i', b'abcdef', -3)
t(struct.unpack_from, 'i', b'abcdef', -7)
t(struct.unpack_from, '<i', b'abcdef', -4)
t(struct.unpack_from, 'i', b'abcdef', 7)
t(struct.unpack_from, '<i', buffer=b'abcdef', offset=1)
t(struct.unpack_from, 'i', b'abcdef', offset=1.0)
t(s.unpack_from, b'\x00abc\x00\x00\x00\x05', 1)
t(s.unpack_from, b'abc\x00\x00\x00\x05\x00', offset=0)

ba = bytearray(8)
t(struct.pack_into, '<i', ba, 2, 7)
print(ba)
t(struct.pack_into, 'i', ba, 6, 7)
t(struct.pack_into, 'i', ba, -2, 7)
t(struct.pack_into, 'i', ba, -9, 7)
t(struct.pack_into, 'i', ba, 9, 7)
t(struct.pack_into, '<i', ba, -4, 7)
print(ba)
t(struct.pack_into, 'i', b'abcd', 0, 7)
t(struct.pack_into, 'i', ba, 0)
t(struct.pack_into, 'i', ba)
t(struct.pack_into, 'i')
t(struct.pack_into, '<h', ba, 0, 70000)
print(ba)
t(s.pack_into, ba, 0, b'zz', -1)
print(ba)
t(struct.pack)
t(struct.pack, bytearray(b'i'), 1)

t(struct.iter_unpack, 'i', b'abcde')
t(struct.iter_unpack, '', b'abcde')
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), type(it).__name__)
print(list(struct.Struct('<bb').iter_unpack(bytearray(b'\x01\x02\x03\x04'))))
t(next, struct.iter_unpack('b', b''))

print(struct.pack('@bi', 1, 2), struct.pack('@bq', 1, 2), struct.pack('=bq', 1, 2))
print(struct.unpack('@bi', struct.pack('@bi', -1, -2)))
print(struct.pack('>hHiIlLqQ', -1, 1, -1, 1, -1, 1, -1, 1).hex())
print(struct.pack('<hHiIlLqQ', -1, 1, -1, 1, -1, 1, -1, 1).hex())
print(struct.unpack('>hHiIlLqQ', bytes(range(36))))
print(struct.unpack('<5s2?xd', b'hello\x00\x01\xff' + struct.pack('<d', 2.5)))
struct._clearcache()
print(struct.__doc__ is not None, sorted(n for n in dir(struct) if not n.startswith('_')))
