# Operations on closed files and streams: text, buffered, raw, in-memory.
import posix, atexit

_dir = '/tmp/stitch_io_closed_errors_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

with open('f.txt', 'w') as f:
    f.write('content\n')

methods = ['read', 'read1', 'peek', 'readline', 'readlines', 'readinto', 'write', 'writelines', 'flush',
           'seek', 'tell', 'truncate', 'fileno', 'isatty', 'readable', 'writable', 'seekable',
           'detach', '__next__', '__iter__', '__enter__', 'close', 'readall']

def probe(label, f):
    f.close()
    print(label, f.closed, repr(f) if 'IO' not in type(f).__name__ else type(f).__name__)
    for m in methods:
        fn = getattr(f, m, None)
        if fn is None:
            continue
        arg = {'readinto': (bytearray(2),), 'seek': (0,), 'writelines': ([],)}.get(m, ())
        if m == 'write':
            arg = ('x',) if 'TextIO' in type(f).__name__ or 'StringIO' in type(f).__name__ else (b'x',)
        try:
            r = fn(*arg)
            print('  ', m, 'ok', type(r).__name__)
        except Exception as e:
            print('  ', m, type(e).__name__, e)

probe('text r', open('f.txt'))
probe('text w', open('f.txt', 'a'))
probe('buffered r', open('f.txt', 'rb'))
probe('buffered w', open('f.txt', 'ab'))
probe('buffered rw', open('f.txt', 'r+b'))
probe('raw', open('f.txt', 'rb', buffering=0))
from _io import StringIO, BytesIO
probe('stringio', StringIO('x'))
probe('bytesio', BytesIO(b'x'))

f = open('f.txt')
f.close()
print([f.mode, f.name, f.encoding, f.errors, f.newlines, f.line_buffering, f.buffer.closed, f.buffer.raw.closed])
with open('f.txt') as g:
    pass
try:
    with g:
        pass
except ValueError as e:
    print('ValueError', e)
try:
    for line in g:
        pass
except ValueError as e:
    print('ValueError', e)
try:
    print('x', file=g)
except ValueError as e:
    print('ValueError', e)
h = open('f.txt', 'rb')
raw = h.raw
raw.close()
print(h.closed, raw.closed)
try:
    h.read()
except ValueError as e:
    print('ValueError', e)
h.close()
print(h.closed)
