# Binary files: BufferedReader/Writer/Random over FileIO (read, read1, peek,
# readinto, readline, seek/tell with whence, truncate, append, r+b, w+b).
import posix, atexit

_dir = '/tmp/stitch_io_binary_roundtrip_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

payload = bytes(range(256)) * 40 + b'\nend\r\nx'
with open('data.bin', 'wb') as f:
    print(type(f).__name__, f.mode, f.name, f.raw.mode, f.writable(), f.readable(), f.seekable())
    print(f.write(payload[:100]), f.tell(), f.write(bytearray(payload[100:])), f.tell())
with open('data.bin', 'rb') as f:
    print(type(f).__name__, len(f.peek(1)) >= 1, f.read(3), f.read1(5), f.tell())
    print(f.seek(10), f.read(4), f.seek(-4, 1), f.read(2), f.seek(-3, 2), f.read(), f.read(), f.tell())
    f.seek(0)
    print(f.read() == payload)
    f.seek(250)
    b = bytearray(10)
    print(f.readinto(b), bytes(b), f.tell())
    m = bytearray(4)
    print(f.readinto1(m), bytes(m))
    f.seek(len(payload) - 9)
    print(f.readline(), f.readline(), f.readline(), f.readline())
    f.seek(0)
    lines = f.readlines()
    print(len(lines), [len(l) for l in lines][:5], lines[-1])
    f.seek(0)
    print(f.readline(5), f.readline(0), f.tell())
    try:
        f.read(-5)
    except ValueError as e:
        print('ValueError', e)
    try:
        f.seek(0, 9)
    except ValueError as e:
        print('ValueError', e)
    try:
        f.seek(1.5)
    except TypeError as e:
        print('TypeError', e)
    try:
        f.write(b'x')
    except OSError as e:
        print(type(e).__name__, e)
with open('data.bin', 'r+b') as f:
    print(type(f).__name__, f.read(4), f.write(b'ABCD'), f.tell(), f.read(2), f.tell())
    f.seek(0)
    print(f.read(10))
    print(f.truncate(20), f.tell())
    f.seek(0)
    print(f.read())
    f.seek(0, 2)
    f.write(b'+tail')
    f.seek(-8, 2)
    print(f.read())
with open('data.bin', 'ab') as f:
    print(f.tell(), f.write(b'APP'), f.tell(), f.mode)
with open('data.bin', 'rb') as f:
    print(f.read())
with open('new.bin', 'w+b') as f:
    print(f.read(), f.write(b'hello world'), f.seek(6), f.read(), f.seek(0), f.read(5))
    f.seek(0)
    print(f.truncate(), f.tell())
    f.seek(0)
    print(f.read())
with open('new.bin', 'xb') if False else open('excl.bin', 'xb') as f:
    print(f.mode, f.raw.mode, f.write(b'x'))
try:
    open('excl.bin', 'xb')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, e.filename)
with open('excl.bin', 'rb', buffering=0) as f:
    print(type(f).__name__, f.read(), f.read(), f.readall())
with open('small.bin', 'wb', buffering=4) as f:
    for i in range(10):
        f.write(bytes([65 + i]) * 3)
print(open('small.bin', 'rb').read())
with open('small.bin', 'rb', buffering=2) as f:
    print(f.read(5), f.peek(1)[:1], f.read1(100), f.read())
f = open('small.bin', 'rb')
print(list(f), f.closed)
f.close()
print(f.closed)
