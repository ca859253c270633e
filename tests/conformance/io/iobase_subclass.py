# The io module's classes: ABC registration, Python subclasses of the
# abstract bases wrapped by the native buffered and text layers.
import io

print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.UnsupportedOperation.__mro__[1:3], issubclass(io.UnsupportedOperation, ValueError))
for cls in [io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair,
            io.BytesIO, io.TextIOWrapper, io.StringIO]:
    print(cls.__name__, cls.__module__, [issubclass(cls, b) for b in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)])
print(isinstance(io.StringIO(), io.IOBase), isinstance(io.BytesIO(), io.BufferedIOBase), io.open is open)
print(io.TextIOWrapper.__mro__[1].__name__, io.StringIO.__mro__[1].__name__, io.FileIO.__mro__[1].__name__)

class Source(io.RawIOBase):
    def __init__(self, data, step):
        self.data = data
        self.pos = 0
        self.step = step
        self.reads = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.reads += 1
        n = min(len(b), self.step, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

src = Source('line one\nline twö\nthree'.encode('utf-8'), 4)
print(src.read(3), src.read(), src.read(), src.readable(), src.writable(), src.seekable(), src.closed)
src = Source(b'abc\ndef\n', 3)
print(src.readline(), src.readlines(), src.readall())
src.close()
print(src.closed)
try:
    src.read()
except ValueError as e:
    print('ValueError', e)

br = io.BufferedReader(Source(b'0123456789' * 3, 4), 8)
print(br.read(5), br.peek(1)[:1], br.read1(20), br.read(), br.raw.reads)
tw = io.TextIOWrapper(io.BufferedReader(Source('αβγ\nδεζ\nend'.encode('utf-8'), 3)), encoding='utf-8')
print(tw.readline(), tw.read(2), tw.readlines())

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

s = Sink()
bw = io.BufferedWriter(s, 4)
print(bw.write(b'ab'), s.chunks)
bw.write(b'cdefg')
print(s.chunks)
bw.flush()
print(b''.join(s.chunks), bw.closed)
tw = io.TextIOWrapper(io.BufferedWriter(s), encoding='utf-8', newline='\r\n')
tw.write('one\ntwo\n')
tw.flush()
print(s.chunks[-1])
tw.close()
print(s.closed, tw.closed)

class Upper(io.TextIOBase):
    def __init__(self):
        self.out = []
    def writable(self):
        return True
    def write(self, t):
        self.out.append(t.upper())
        return len(t)

u = Upper()
print('printed', 3, file=u)
print(u.out, u.encoding, u.errors, u.newlines)
for m in ['read', 'readline', 'detach', 'fileno', 'seek', 'truncate']:
    try:
        getattr(u, m)(*([0] if m == 'seek' else []))
    except io.UnsupportedOperation as e:
        print(m, 'UnsupportedOperation', e)

class Mem(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def read(self, n=-1):
        if n is None or n < 0:
            n = len(self.data)
        out, self.data = self.data[:n], self.data[n:]
        return out

m = Mem(b'buffered base data')
b = bytearray(8)
print(m.readinto(b), b, m.read(), m.readline())
for meth in ['read1', 'write', 'detach']:
    try:
        getattr(io.BufferedIOBase(), meth)(*([b'x'] if meth == 'write' else []))
    except io.UnsupportedOperation as e:
        print(meth, 'UnsupportedOperation', e)
with io.StringIO('ctx') as f:
    print(f.read())
base = io.IOBase()
print(base.readable(), base.writable(), base.seekable(), base.isatty(), base.closed)
try:
    base.fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
base.close()
print(base.closed)
try:
    base.flush()
except ValueError as e:
    print('ValueError', e)
pair = io.BufferedRWPair(io.BytesIO(b'incoming'), io.BytesIO())
print(pair.read(2), pair.write(b'out'), pair.readable(), pair.writable(), pair.closed)
