# Reading with each newline mode: line splitting, translation, tell/seek with
# \r\n split across positions, and the newlines attribute.
import posix, atexit

_dir = '/tmp/stitch_io_newline_read_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

with open('mixed.txt', 'wb') as f:
    f.write(b'unix\nwindows\r\nmac\rlast\r\n\r\rend')

for nl in [None, '', '\n', '\r', '\r\n']:
    with open('mixed.txt', newline=nl) as f:
        print(repr(nl), f.newlines)
        lines = []
        while True:
            line = f.readline()
            if not line:
                break
            lines.append((line, f.tell()))
        print(lines)
        print(repr(f.newlines))
    with open('mixed.txt', newline=nl) as f:
        print(repr(f.read()), repr(f.newlines))
    with open('mixed.txt', newline=nl) as f:
        print(list(f))
    with open('mixed.txt', newline=nl) as f:
        chars = []
        while True:
            c = f.read(1)
            if not c:
                break
            chars.append(c)
        print(''.join(chars) == open('mixed.txt', newline=nl).read(), len(chars))

# tell() in the middle of a \r\n pair, then seek back to it.
with open('mixed.txt', newline=None) as f:
    positions = []
    for _ in range(8):
        positions.append(f.tell())
        f.read(1)
    print(positions)
    for p in positions:
        f.seek(p)
        print(p, repr(f.read(3)))

with open('crlf.txt', 'wb') as f:
    f.write(b'a\r\n' * 2731 + b'tail')
with open('crlf.txt') as f:
    data = f.read()
    print(len(data), data.count('\n'), data[-6:], f.newlines)
with open('crlf.txt', newline='') as f:
    data = f.read()
    print(len(data), data.count('\r\n'), repr(data[-7:]), f.newlines)
with open('crlf.txt') as f:
    n = sum(1 for _ in f)
    print(n)
with open('crlf.txt') as f:
    f.read(8191)
    t = f.tell()
    s = f.read(4)
    f.seek(t)
    print(t, repr(s), f.read(4) == s)

with open('onlycr.txt', 'wb') as f:
    f.write(b'one\rtwo\rthree')
with open('onlycr.txt') as f:
    print(f.readlines(), f.newlines)
with open('onlycr.txt', newline='\n') as f:
    print(f.readlines(), f.newlines)
