# struct: __index__/__float__ arguments, float codes (half floats, overflow),
# char and bytes codes, item counts and their error messages.
import struct


def t(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


t(struct.pack, '<i', Idx())
t(struct.pack, '<d', Idx())
t(struct.pack, '<d', Flt())
t(struct.pack, '<i', Flt())

for fmt in ['e', '<e', '>e', 'f', '<f', '>f', 'd', '>d']:
    for v in [1, 1.5, -0.0, 1e300, float('inf'), float('-inf'), 65504.0, 65519.99,
              65520.0, 5.960464477539063e-08, 2.9802322387695312e-08,
              2.980232238769532e-08, 1e-8, 1 / 3, 'x', 2**2000]:
        try:
            p = struct.pack(fmt, v)
        except Exception as e:
            print(fmt, v if not isinstance(v, int) or v < 10**10 else 'big', type(e).__name__, e)
        else:
            print(fmt, repr(v)[:20], p.hex(), struct.unpack(fmt, p)[0])
print(struct.unpack('<e', b'\x00\x7e'), struct.unpack('<e', b'\x00\xfc'), struct.unpack('<e', b'\x01\x00'))
nan = struct.unpack('>d', struct.pack('>d', float('nan')))[0]
print(nan != nan)

t(struct.pack, 'c', b'ab')
t(struct.pack, 'c', 'a')
t(struct.pack, 'c', bytearray(b'a'))
t(struct.pack, 'c', b'a')
t(struct.pack, '3s', 'abc')
t(struct.pack, '3s', b'abcdef')
t(struct.pack, '3s', bytearray(b'a'))
t(struct.pack, '3p', b'abcdef')
t(struct.pack, 'p', b'a')
t(struct.pack, '0p', b'')
print(struct.pack('300p', b'x' * 300)[:3])
t(struct.pack, '??', 0, [1])
t(struct.pack, '?', [])
t(struct.pack, 'i')
t(struct.pack, 'ii', 1)
t(struct.pack, 'i', 1, 2)
t(struct.pack, '0s', b'zz')
t(struct.pack, 'x')
t(struct.pack, '2x3x')
t(struct.pack, 'xi', 1)
t(struct.unpack, '5p', b'\x09abcd')
t(struct.unpack, '2p', b'\x00a')
t(struct.unpack, '<?', b'\x02')
t(struct.unpack, 'c3sx', b'abcd!')
