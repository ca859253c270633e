# open(): mode validation, argument types and OSError subclasses with errno,
# strerror and filename, as CPython reports them.
import posix, atexit

_dir = '/tmp/stitch_io_open_errors_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        p = _dir + '/' + n
        try:
            posix.unlink(p)
        except IsADirectoryError:
            posix.rmdir(p)
    posix.rmdir(_dir)

atexit.register(_cleanup)

with open('exists.txt', 'w') as f:
    f.write('x')
posix.mkdir('adir')

def attempt(*args, **kw):
    try:
        f = open(*args, **kw)
        print('opened', type(f).__name__, getattr(f, 'mode', None))
        f.close()
    except Exception as e:
        print(type(e).__name__ + ':', e)
        if isinstance(e, OSError):
            print('   ', e.errno, repr(e.strerror), repr(e.filename), repr(e.filename2), e.args)

for mode in ['r', 'rb', 'rt', 'r+', 'w', 'a', 'ab+', 'x', 'rw', 'rr', 'z', 'r++', '', 'b', 't', 'bt',
             'U', 'rU', 'wx', 'ra', '+', 'br', 'tr', 'r+b', 'b+r']:
    print(repr(mode), end=' ')
    attempt('exists.txt', mode)
attempt('missing.txt')
attempt('missing/dir/file.txt', 'w')
attempt('adir')
attempt('adir', 'w')
attempt(b'missing.txt')
attempt('exists.txt', 'x')
attempt('a\0b')
attempt([])
attempt(3.5)
attempt(None)
attempt('exists.txt', 3)
attempt('exists.txt', 'rb', encoding='utf-8')
attempt('exists.txt', 'rb', errors='strict')
attempt('exists.txt', 'rb', newline='')
attempt('exists.txt', 'r', buffering=0)
attempt('exists.txt', 'rb', buffering=0)
attempt('exists.txt', 'r', buffering=-5)
attempt('exists.txt', 'r', buffering=1.5)
attempt('exists.txt', 'r', encoding=3)
attempt('exists.txt', 'r', errors=3)
attempt('exists.txt', 'r', newline=3)
attempt('exists.txt', 'r', newline='x')
attempt('exists.txt', 'r', encoding='no-such-codec')
attempt('exists.txt', closefd=False)
attempt('exists.txt', 'r', bogus=1)
attempt()
attempt('exists.txt', 'r', -1, None, None, None, True, None, 'extra')
attempt(file='exists.txt', mode='rb')
fd = posix.open('exists.txt', posix.O_RDONLY)
f = open(fd, closefd=False)
print(f.name == fd, f.read(), f.closed)
f.close()
print(posix.read(fd, 1))
posix.close(fd)
try:
    open(fd).read()
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    open(-1)
except ValueError as e:
    print('ValueError', e)

def opener(path, flags):
    print('opener called', path, flags & posix.O_CREAT == posix.O_CREAT)
    return posix.open(path, flags, 0o644)

with open('via_opener.txt', 'w', opener=opener) as f:
    f.write('opened')
print(open('via_opener.txt').read())
try:
    open('exists.txt', opener=lambda p, fl: 'x')
except TypeError as e:
    print('TypeError', e)
try:
    open('exists.txt', opener=lambda p, fl: -7)
except ValueError as e:
    print('ValueError', e)
try:
    open('nothere', opener=lambda p, fl: posix.open(p, fl))
except FileNotFoundError as e:
    print('FileNotFoundError', e)
e = FileNotFoundError(2, 'No such file or directory', 'x.txt')
print(e, e.errno, e.strerror, e.filename, e.args)
try:
    raise OSError(13, 'Permission denied', 'secret', None, 'other')
except OSError as e:
    print(type(e).__name__, e, e.filename2)
