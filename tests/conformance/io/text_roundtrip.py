# Text files: write and read back in a scratch directory (read, read(n),
# readline, readlines, iteration, tell, seek, append, r+, w+, truncate).
import posix, atexit

_dir = '/tmp/stitch_io_text_roundtrip_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

lines = ['first line\n', 'second: héllo wörld\n', '', 'emoji \U0001f600 and € sign\n', 'no newline at end']
with open('a.txt', 'w', encoding='utf-8') as f:
    for l in lines:
        print(repr(f.write(l)), end=' ')
    print(f.tell(), f.closed, f.name, f.mode, f.encoding)
print(f.closed)

with open('a.txt', encoding='utf-8') as f:
    print(repr(f.read()))
    print(repr(f.read()), f.tell())
with open('a.txt', encoding='utf-8') as f:
    print([f.read(3), f.read(0), f.read(10), f.tell()])
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(f.readlines())
    print(repr(f.readline()), repr(f.read(5)))
with open('a.txt', encoding='utf-8') as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open('a.txt', encoding='utf-8') as f:
    print(len(list(f)), repr(f.readline()))
with open('a.txt', encoding='utf-8') as f:
    print(f.readlines(12))
    print(f.readlines(1))
    print(f.readlines(-1))

# Positions and seeking back to a tell() value.
with open('a.txt', encoding='utf-8') as f:
    marks = []
    while True:
        marks.append(f.tell())
        if not f.readline():
            break
    print(marks)
    for m in reversed(marks):
        f.seek(m)
        print(m, repr(f.readline()))
    print(f.seek(0, 2), repr(f.read()))

# Append and update modes.
with open('a.txt', 'a', encoding='utf-8') as f:
    print(f.tell(), f.write('\nappended'), f.tell())
with open('a.txt', encoding='utf-8') as f:
    print(repr(f.read()[-20:]))
with open('b.txt', 'w+') as f:
    f.write('0123456789\nabcdef\n')
    print(f.tell(), f.seek(0), repr(f.readline()), f.tell())
    f.seek(3)
    f.write('XY')
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open('b.txt', 'r+') as f:
    print(repr(f.read(2)))
    f.seek(0, 2)
    f.write('!')
    f.seek(0)
    print(repr(f.read()))
with open('b.txt', 'a+') as f:
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.read()))
    f.write('?')
    f.seek(0)
    print(repr(f.read()))

# Big file crossing the decoder chunk size.
with open('big.txt', 'w') as f:
    for i in range(400):
        f.write('line %d: %s%s\n' % (i, 'é' * (i % 7), '-' * 30))
with open('big.txt') as f:
    n = 0
    total = 0
    for line in f:
        n += 1
        total += len(line)
    print(n, total, f.tell())
with open('big.txt') as f:
    f.readline()
    for _ in range(200):
        f.readline()
    t = f.tell()
    line = f.readline()
    f.seek(t)
    print(t, repr(line), f.readline() == line)
    print(len(f.read()), repr(f.read(3)))
with open('big.txt', 'rb') as f:
    data = f.read()
print(len(data), data.count(b'\n'), data[:20])
