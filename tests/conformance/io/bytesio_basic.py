# io.BytesIO: reads, writes past the end, seek whence, truncate, readinto,
# closed state, getbuffer copies, writelines.
from _io import BytesIO

b = BytesIO(b'hello\nworld\n')
print(b.read(3), b.read1(2), b.readline(), b.tell(), b.getvalue())
b.seek(20)
print(b.write(b'x'), b.getvalue(), b.tell())
ba = bytearray(3)
b.seek(0)
print(b.readinto(ba), ba, b.readlines(), b.read(), b.read(5))
for f in [lambda: b.seek(-1), lambda: b.seek(1, 1), lambda: b.seek(-1, 2), lambda: b.seek(-100, 1),
          lambda: b.seek(0, 3), lambda: b.seek(1.5), lambda: b.write('x'), lambda: b.truncate(-1),
          lambda: BytesIO('x'), lambda: b.read(1.5), lambda: b.read('x'), lambda: b.readinto(b'x'),
          lambda: b.write(3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(b.truncate(3), b.getvalue(), b.tell(), b.seek(-1, 2), b.seek(1, 1), b.readable(), b.writable(), b.seekable(), b.isatty())
print(bytes(b.getbuffer()), b.flush(), b.closed)
b.close()
for m in ['read', 'write', 'readline', 'getvalue', 'tell', 'seek', 'truncate', 'readable', 'writable',
          'seekable', '__next__', 'flush', 'isatty', 'fileno', 'getbuffer', 'read1', 'readinto', 'readlines']:
    args = {'write': (b'x',), 'seek': (0,), 'readinto': (bytearray(1),)}.get(m, ())
    try:
        print(m, getattr(b, m)(*args))
    except Exception as e:
        print(m, type(e).__name__, e)
print(b.closed)
print(BytesIO(bytearray(b'ab')).getvalue(), BytesIO(initial_bytes=b'q').read(), BytesIO(None).read(), BytesIO().getvalue())
x = BytesIO(b'abc')
x.write(b'Z')
print(x.getvalue(), x.tell())
print(BytesIO(b'a\nb\nc\n').readlines(2), list(BytesIO(b'1\n2')), BytesIO(b'abc').readline(2), BytesIO(b'abc\n').readline(-1))
x = BytesIO()
x.writelines([b'a', bytearray(b'b'), b'c\n'])
print(x.getvalue())
with BytesIO(b'data') as y:
    print(y.read(2), y.closed)
print(y.closed)
z = BytesIO()
for i in range(200):
    z.write(i.to_bytes(2, 'big'))
print(len(z.getvalue()), z.tell(), z.getvalue()[-4:])
z.seek(100)
print(z.read(4), z.read1(2), z.tell())
