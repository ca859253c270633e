# io.StringIO: reading, writing past the end, seek/tell, truncate, closed
# state and messages, iteration, readline with a size, subclasses.
from _io import StringIO
import sys

s = StringIO('hello\nworld\n')
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readline(2)), repr(s.read()), s.tell())
print(repr(s.read()), repr(s.readline()), s.seek(0), s.readlines())
s.seek(0)
print([line for line in s])
s = StringIO()
print(s.write('abc'), s.write(''), s.write('é€\U0001f600'), s.tell(), len(s.getvalue()))
s.seek(1)
s.write('Z')
print(repr(s.getvalue()), s.tell())
s.seek(10)
print(repr(s.read()), s.tell(), s.write('x'), repr(s.getvalue()))
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.tell(), s.truncate(1), s.tell(), repr(s.read()))
print(s.truncate(100), repr(s.getvalue()))
for f in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(0, 3),
          lambda: s.seek(1.5), lambda: s.write(b'x'), lambda: s.write(3), lambda: s.truncate(-1),
          lambda: StringIO(3), lambda: StringIO(b'x'), lambda: s.read(1.5), lambda: s.readline('x'),
          lambda: s.read(None), lambda: s.readline(None)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(s.seek(0, 2), s.seek(0, 1), s.readable(), s.writable(), s.seekable(), s.isatty())
print(s.line_buffering, s.encoding, s.errors, s.closed, s.newlines)
try:
    s.fileno()
except Exception as e:
    print(type(e).__name__, e)
s.close()
s.close()
print(s.closed)
for m in ['read', 'write', 'readline', 'getvalue', 'tell', 'seek', 'truncate', 'readable',
          'writable', 'seekable', '__next__', 'isatty', '__iter__', '__enter__', 'readlines', 'writelines']:
    args = {'write': ('x',), 'seek': (0,), 'writelines': (['a'],)}.get(m, ())
    try:
        print(m, getattr(s, m)(*args))
    except Exception as e:
        print(m, type(e).__name__, e)
print(s.flush())
with StringIO('ctx') as c:
    print(c.read(), c.closed)
print(c.closed)
print(StringIO('a\nb\nc\n').readlines(2), StringIO('a\nb\nc\n').readlines(3), StringIO('').readlines())
s = StringIO()
s.writelines(['a', 'b\n', 'c'])
print(repr(s.getvalue()))
print(repr(StringIO(None).getvalue()), repr(StringIO().read()))
s = StringIO('héllo wörld')
print(s.read(2), s.tell(), s.seek(7), s.read(), len(s.getvalue()))

class Upper(StringIO):
    def write(self, t):
        return super().write(t.upper())

u = Upper()
print('sub', 42, file=u)
u.write('x')
print(repr(u.getvalue()), type(u).__name__, type(u).__mro__[1].__name__)

old = sys.stdout
sys.stdout = StringIO()
print('captured', 1, 2)
print('x', end='')
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
s = StringIO()
print('a', 'b', sep='-', end='|', file=s)
print(file=s)
print(repr(s.getvalue()))
big = StringIO()
for i in range(300):
    big.write('%d,' % i)
print(len(big.getvalue()), big.getvalue()[-10:])
big.seek(0)
print(big.read(10), len(big.read()))
