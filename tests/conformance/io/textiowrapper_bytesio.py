# TextIOWrapper over in-memory buffers: detach, reconfigure, write_through,
# line_buffering, errors, the buffer attribute.
from _io import TextIOWrapper, BytesIO, BufferedWriter, BufferedReader

b = BytesIO()
t = TextIOWrapper(b, encoding='utf-8')
print(repr(t), t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines, t.buffer is b, t._CHUNK_SIZE)
print(t.write('héllo\n'), b.getvalue())
t.flush()
print(b.getvalue(), t.tell())
t.seek(0)
print(repr(t.read()), t.tell())
for f in [lambda: t.mode, lambda: t.name, lambda: t.write(b'x'), lambda: t.read('x'), lambda: t.readline(2.0)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
t._CHUNK_SIZE = 4
print(t._CHUNK_SIZE)
try:
    t._CHUNK_SIZE = 0
except ValueError as e:
    print('ValueError', e)
raw = t.detach()
print(raw is b, repr(t))
for f in [lambda: t.read(), lambda: t.write('x'), lambda: t.encoding, lambda: t.closed, lambda: t.buffer, lambda: t.detach()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

b = BytesIO()
t = TextIOWrapper(b, encoding='ascii', write_through=True)
t.write('through')
print(b.getvalue())
t2 = TextIOWrapper(BytesIO(), encoding='ascii', line_buffering=True)
t2.write('no newline yet')
print(t2.buffer.getvalue())
t2.write(' now\n')
print(t2.buffer.getvalue())

t = TextIOWrapper(BytesIO(b'one\ntwo\nthree\n'), encoding='utf-8', newline='')
print(t.readline(), t.reconfigure(line_buffering=True), t.line_buffering)
try:
    t.reconfigure(encoding='latin-1')
except Exception as e:
    print(type(e).__name__, e)
t = TextIOWrapper(BytesIO(), encoding='utf-8')
t.reconfigure(encoding='latin-1', errors='replace', newline='\r\n')
t.write('é€\n')
t.flush()
print(t.encoding, t.errors, t.buffer.getvalue())
try:
    t.reconfigure(newline='bad')
except ValueError as e:
    print('ValueError', e)

for kw in [dict(encoding=3), dict(errors=3), dict(newline=3), dict(newline='x'), dict(encoding='bogus')]:
    try:
        TextIOWrapper(BytesIO(), **kw)
        print(kw, 'ok')
    except Exception as e:
        print(kw, type(e).__name__, e)
u = TextIOWrapper.__new__(TextIOWrapper)
for f in [lambda: u.read(), lambda: repr(u), lambda: u.encoding]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
w = TextIOWrapper(BufferedWriter(BytesIO()), encoding='ascii')
try:
    w.read()
except Exception as e:
    print(type(e).__name__, e)
r = TextIOWrapper(BufferedReader(BytesIO(b'ab')), encoding='ascii')
try:
    r.write('x')
except Exception as e:
    print(type(e).__name__, e)
print(r.read(), r.readable(), r.writable(), r.seekable())
t = TextIOWrapper(BytesIO(b'abc'), encoding='utf-8')
t.close()
print(t.closed, repr(t))
for m in ['read', 'write', 'readline', 'flush', 'tell', 'seek', 'fileno', 'isatty', 'readable', 'truncate', 'detach', '__next__']:
    args = {'write': ('x',), 'seek': (0,)}.get(m, ())
    try:
        print(m, getattr(t, m)(*args))
    except Exception as e:
        print(m, type(e).__name__, e)
