# Writing with each newline mode, and line buffering to a file.
import posix, atexit

_dir = '/tmp/stitch_io_newline_write_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

text = 'a\nb\r\nc\rd\n\n'
for nl in [None, '', '\n', '\r', '\r\n']:
    with open('w.txt', 'w', newline=nl) as f:
        print(repr(nl), f.write(text), f.tell())
        print(f, f.line_buffering)
    with open('w.txt', 'rb') as f:
        print(f.read())
    with open('w.txt', newline=nl) as f:
        print(repr(f.read()))

# What reached the file so far, seen through the descriptor.
def size(f):
    return posix.fstat(f.fileno()).st_size

with open('lb.txt', 'w', buffering=1) as f:
    print(f.line_buffering, f.write_through)
    f.write('partial')
    print(size(f))
    f.write(' line\nmore')
    print(size(f))
    f.write('\r')
    print(size(f))
    f.flush()
    print(size(f))
with open('block.txt', 'w') as f:
    print(f.line_buffering)
    f.write('x\n' * 100)
    print(size(f))
    f.write('y' * 10000)
    print(size(f) > 0)
    f.flush()
    print(size(f))
print(repr(open('lb.txt').read()))

with open('print.txt', 'w', newline='\r\n') as f:
    print('hello', 'world', file=f)
    print('a', 'b', sep='\n', end='!\n', file=f)
    f.writelines(['x\n', 'y\n'])
print(open('print.txt', 'rb').read())
