# FileIO directly (io.FileIO and buffering=0): modes, reads returning short
# counts, readinto, write counts, truncate, repr, descriptors and closefd.
import posix, atexit
from _io import FileIO

_dir = '/tmp/stitch_io_fileio_raw_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

w = FileIO('raw.bin', 'w')
print(w, w.mode, w.name, w.closefd, w.readable(), w.writable(), w.seekable(), w.isatty())
print(w.write(b'hello '), w.write(bytearray(b'world')), w.tell(), w.seek(0, 2), w.seek(-5, 2), w.tell())
for f in [lambda: w.read(), lambda: w.readall(), lambda: w.write('str'), lambda: w.seek('0'),
          lambda: w.readinto(bytearray(1))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(w.truncate(8), w.tell(), w.truncate(), w.seek(0, 2))
w.close()
print(w, w.closed, w.mode)
r = FileIO('raw.bin')
print(r.read(3), r.read(100), r.read(), r.read(-1), r.readall(), r.tell())
r.seek(0)
buf = bytearray(5)
print(r.readinto(buf), buf, r.readinto(bytearray(100)), r.readinto(bytearray(3)))
r.seek(1)
print(r.readline(), r.readlines(), list(r))
r.close()
a = FileIO('raw.bin', 'a')
print(a.mode, a.tell(), a.write(b'+'), a.tell())
a.seek(0)
a.write(b'!')
a.close()
with open('raw.bin', 'rb') as tmp:
    print(tmp.read())
rw = FileIO('raw.bin', 'r+')
print(rw.mode, rw.read(2), rw.write(b'XX'), rw.tell())
rw.close()
x = FileIO('new.bin', 'x')
print(x.mode)
x.close()
try:
    FileIO('new.bin', 'x')
except FileExistsError as e:
    print('FileExistsError', e)
p = FileIO('new.bin', 'w+')
print(p.mode, p.write(b'data'), p.seek(0), p.read())
p.close()
fd = posix.open('raw.bin', posix.O_RDONLY)
g = FileIO(fd, closefd=False)
print(repr(g) == "<_io.FileIO name=%d mode='rb' closefd=False>" % fd, g.fileno() == fd, g.read(2))
g.close()
print(posix.read(fd, 2))
g = FileIO(fd)
g.close()
try:
    posix.read(fd, 1)
except OSError as e:
    print('OSError', e.errno)
with FileIO('raw.bin') as h:
    print(h.read(1), h.closed)
print(h.closed)
for args in [('raw.bin', 'rw'), ('raw.bin', 'rt'), ('raw.bin', 'z'), ('raw.bin', 'r++'), (-1,), (1.5,), ([],), ('a\0b',), ('.',), ('nope',)]:
    try:
        FileIO(*args)
    except Exception as e:
        print(type(e).__name__, e)
f = FileIO('raw.bin')
f.name = 'renamed'
print(f, f.name)
del f.name
print(f)
f.close()
f = open('raw.bin', 'rb', buffering=0)
print(type(f).__name__, f.read(1))
f.close()
