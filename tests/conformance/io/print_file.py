# print() to files and streams: sep, end, flush, file objects without a
# native write, sys.stdout replaced, write return values.
import sys
import posix, atexit
from _io import StringIO

_dir = '/tmp/stitch_io_print_file_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

with open('p.txt', 'w') as f:
    print('a', 1, 2.5, None, [1, 'x'], file=f)
    print('b', 'c', sep='', end='', file=f)
    print(file=f)
    print('d', 'e', sep=' :: ', end='<\n', file=f, flush=True)
    print(*range(5), sep=',', file=f)
with open('p.txt') as f:
    print(repr(f.read()))

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append('<flush>')

c = Collector()
print('x', 'y', file=c)
print('z', end='!', file=c, flush=True)
print(c.parts)

class NoWrite:
    pass

try:
    print('x', file=NoWrite())
except AttributeError as e:
    print('AttributeError', e)
try:
    print('x', sep=3)
except TypeError as e:
    print('TypeError', e)
try:
    print('x', end=b'')
except TypeError as e:
    print('TypeError', e)
try:
    print('x', bogus=1)
except TypeError as e:
    print('TypeError', e)

out = sys.stdout
sys.stdout = StringIO()
print('hidden', 42)
sys.stdout.write('direct\n')
grabbed = sys.stdout.getvalue()
sys.stdout = out
print(repr(grabbed))
sys.stdout = None
print('goes nowhere')
sys.stdout = out
print(sys.stdout.write('written\n'), sys.stdout.write('é€\n'), sys.stdout.write(''))
try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError', e)
sys.stdout.writelines(['w1\n', 'w2\n'])
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdout.seekable() in (True, False), sys.stdout.fileno(), sys.stdout.encoding, sys.stdout.errors, sys.stdout.name, sys.stdout.mode)
print(sys.stderr.name, sys.stderr.encoding, sys.stderr.errors, sys.stderr.mode, sys.stderr.fileno(), sys.stderr.writable())
print('to stderr', 1, file=sys.stderr)
sys.stderr.write('stderr write é\n')
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print('unicode to stderr: \u2603 \U0001f600', file=sys.stderr)
print(sys.stdout.line_buffering, sys.stdout.write_through, sys.stderr.write_through)
print('flushed', flush=True)
sys.stdout.flush()
sys.stderr.flush()
print('last line without newline', end='')
