# readline(size) and readlines(hint) on text, binary, StringIO and BytesIO.
import posix, atexit
from _io import StringIO, BytesIO

_dir = '/tmp/stitch_io_readline_size_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

content = 'short\nlonger line here\né€\U0001f600x\n\nlast'
with open('t.txt', 'w', encoding='utf-8') as f:
    f.write(content)
with open('b.bin', 'wb') as f:
    f.write(content.encode('utf-8'))

def pieces(f, sizes):
    out = []
    for s in sizes:
        out.append(f.readline(s))
    return out

sizes = [3, 3, 0, 1, 100, 2, 2, 2, -1, 5, 5, 5]
with open('t.txt', encoding='utf-8') as f:
    print(pieces(f, sizes))
with open('b.bin', 'rb') as f:
    print(pieces(f, sizes))
print(pieces(StringIO(content), sizes))
print(pieces(BytesIO(content.encode('utf-8')), sizes))
with open('b.bin', 'rb', buffering=0) as f:
    print(pieces(f, sizes))
with open('t.txt', encoding='utf-8', newline='') as f:
    print(pieces(f, [4, 100, 1, 1]))
for hint in [-1, 0, 1, 5, 6, 7, 30, 1000]:
    with open('t.txt', encoding='utf-8') as f:
        a = f.readlines(hint)
    with open('b.bin', 'rb') as f:
        b = f.readlines(hint)
    print(hint, a, len(b), StringIO(content).readlines(hint) == a, len(BytesIO(content.encode()).readlines(hint)))
with open('crlf.txt', 'wb') as f:
    f.write(b'ab\r\ncd\r\n')
for nl in [None, '', '\r\n', '\n']:
    with open('crlf.txt', newline=nl) as f:
        print(repr(nl), pieces(f, [2, 1, 1, 2, 3]))
with open('t.txt', encoding='utf-8') as f:
    for bad in [None, 1.5, '2']:
        try:
            print(repr(f.readline(bad)))
        except TypeError as e:
            print('TypeError', e)
with open('b.bin', 'rb') as f:
    for bad in [None, 1.5, '2']:
        try:
            print(repr(f.readline(bad)))
        except TypeError as e:
            print('TypeError', e)
