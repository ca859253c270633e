# tell() and seek() on text files: opaque cookies (decoder state included, as
# CPython packs them), seeking back to every position, whence rules.
import posix, atexit

_dir = '/tmp/stitch_io_seek_tell_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

samples = {
    'ascii': (b'abc\ndef\nghi', 'utf-8'),
    'utf8': ('héllo\nwörld €\n\U0001f600 end'.encode('utf-8'), 'utf-8'),
    'crlf': (b'one\r\ntwo\r\n\r\nthree\rfour', 'utf-8'),
    'utf16': ('ab\ncd\n€'.encode('utf-16'), 'utf-16'),
    'latin': ('café\nñ'.encode('latin-1'), 'latin-1'),
}
for name, (data, enc) in samples.items():
    with open(name, 'wb') as f:
        f.write(data)
    for nl in [None, '']:
        with open(name, encoding=enc, newline=nl) as f:
            cookies = []
            chars = []
            while True:
                cookies.append(f.tell())
                c = f.read(1)
                if not c:
                    break
                chars.append(c)
            print(name, repr(nl), cookies)
            for i in range(len(chars) - 1, -1, -1):
                f.seek(cookies[i])
                got = f.read(2)
                if got != ''.join(chars[i:i + 2]):
                    print('   mismatch at', i, repr(got))
            f.seek(0)
            lines = []
            while True:
                t = f.tell()
                line = f.readline()
                if not line:
                    break
                lines.append((t, line))
            print('   ', lines)
            for t, line in lines:
                f.seek(t)
                assert f.readline() == line
            print('   end', f.tell(), f.seek(0, 2), f.seek(0, 1), repr(f.read()))

with open('crlf', encoding='utf-8') as f:
    for args in [(1.0,), (3, 1), (0, 1), (-1,), (2, 2), (0, 2), (0, 3), (0, 1.5), ('x',), (5, 0)]:
        try:
            print(args, repr(f.seek(*args)), f.tell())
        except Exception as e:
            print(args, type(e).__name__, e)
with open('ascii', encoding='utf-8') as f:
    for line in f:
        try:
            f.tell()
        except OSError as e:
            print('OSError', e)
            break
    print(repr(f.readline()), f.tell())
    for line in f:
        pass
    print(f.tell())
with open('ascii', 'rb', buffering=0) as raw:
    print(raw.seekable(), raw.tell(), raw.seek(2), raw.read(2), raw.tell())
r, w = posix.pipe()
with open(w, 'w') as wf:
    print(wf.seekable())
    try:
        wf.tell()
    except OSError as e:
        print(type(e).__name__, e)
    try:
        wf.seek(0)
    except OSError as e:
        print(type(e).__name__, e)
    wf.write('through a pipe\n')
with open(r) as rf:
    print(rf.seekable(), repr(rf.read()))
    try:
        rf.buffer.seek(0)
    except OSError as e:
        print(type(e).__name__, e.errno)
