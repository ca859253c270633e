# Text files in several encodings: bytes written, reading back, tell positions,
# BOM handling (utf-16, utf-32, utf-8-sig), encoding names as given.
import posix, atexit

_dir = '/tmp/stitch_io_text_encodings_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

text = 'abc\nxyz\n'
for enc in ['utf-8', 'UTF8', 'utf_8', 'latin-1', 'latin1', 'iso-8859-1', 'ascii', 'us-ascii',
            'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8-sig']:
    with open('e.txt', 'w', encoding=enc) as f:
        print(enc, f.encoding, f.write(text), f.tell())
        f.write('!')
    with open('e.txt', 'rb') as f:
        print(f.read())
    with open('e.txt', encoding=enc) as f:
        print(repr(f.read(1)), f.tell(), repr(f.readline()), f.tell(), repr(f.read()), f.tell())
        f.seek(0)
        print(f.readlines())

uni = 'héllo wörld ñ ç € \U0001f600'
for enc in ['utf-8', 'utf-16', 'utf-32', 'utf-8-sig']:
    with open('u.txt', 'w', encoding=enc) as f:
        f.write(uni)
    with open('u.txt', 'rb') as f:
        raw = f.read()
    with open('u.txt', encoding=enc) as f:
        back = f.read()
    print(enc, len(raw), back == uni)

with open('l.txt', 'w', encoding='latin-1') as f:
    f.write('café naïve ÿ')
print(open('l.txt', 'rb').read())
print(open('l.txt', encoding='latin-1').read())
print(repr(open('l.txt', encoding='utf-8', errors='replace').read()))

# A multi-byte sequence split across read chunks.
with open('split.txt', 'w', encoding='utf-8') as f:
    f.write('a' * 8191 + 'é' + 'b' * 10 + '€' * 500)
with open('split.txt', encoding='utf-8') as f:
    s = f.read()
    print(len(s), s[8190:8193], s[-2:])
with open('split.txt', encoding='utf-8') as f:
    f.read(8191)
    t = f.tell()
    print(t, repr(f.read(2)))
    f.seek(t)
    print(repr(f.read(1)), f.tell())
with open('small.txt', 'w', encoding='utf-8') as f:
    f.write('aé€\U0001f600b' * 20)
with open('small.txt', encoding='utf-8') as f:
    f._CHUNK_SIZE = 3
    print(f._CHUNK_SIZE, f.read(12), f.tell(), f.read(3), f.tell(), f.readline()[-4:], f.tell())

for enc in ['bogus', 'utf-9']:
    try:
        open('e.txt', encoding=enc)
    except LookupError as e:
        print('LookupError', e)
try:
    open('e.txt', 'rb', encoding='utf-8')
except ValueError as e:
    print('ValueError', e)
with open('e.txt', 'w', encoding=None) as f:
    print(f.encoding)
with open('e.txt', 'w', encoding='locale') as f:
    print(f.encoding)
