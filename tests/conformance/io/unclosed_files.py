# Files that are never closed: CPython writes them when their object goes
# away (here: before the file is opened again), and at exit.
import posix, atexit

_dir = '/tmp/stitch_io_unclosed_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in sorted(posix.listdir(_dir)):
        if n != 'six.txt':
            with open(_dir + '/' + n, 'rb') as f:
                print('at exit', n, f.read())
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

open('one.txt', 'w').write('written by an expression\n')
print(repr(open('one.txt').read()))

def writer(name, text):
    f = open(name, 'w')
    f.write(text)

writer('two.txt', 'inside a function')
print(repr(open('two.txt').read()), posix.stat('two.txt').st_size)
print(open('one.txt', 'a').write('appended\n'))
print(repr(open('one.txt').read()))
open('three.bin', 'wb').write(b'\x00\x01binary')
print(open('three.bin', 'rb').read())
open('four.txt', 'w').write('replaced later')
open('four.txt', 'w').write('final')
print(repr(open('four.txt').read()))
print(open('five.txt', 'w', newline='\r\n').write('crlf\nlines\n'))
print(open('five.txt', 'rb').read())
keep = open('six.txt', 'w')
keep.write('kept open until exit')
