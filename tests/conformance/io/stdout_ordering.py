# Output order when text, the binary buffer and stderr are mixed, as CPython's
# buffering gives it (stdout is not a terminal here).
import sys

print('text 1')
sys.stdout.buffer.write(b'binary 1\n')
print('text 2')
sys.stdout.flush()
sys.stdout.buffer.write(b'binary 2\n')
print('text 3', flush=True)
sys.stdout.buffer.write(b'binary 3\n')
sys.stdout.buffer.flush()
print('text 4')
sys.stderr.write('err 1\n')
sys.stderr.buffer.write(b'err binary\n')
sys.stderr.write('err 2 no newline')
sys.stderr.write(' ...continued\n')
print(sys.stdout.buffer.write(b''), sys.stdout.buffer.tell() >= 0 if sys.stdout.seekable() else 'pipe')
sys.stdout.write('x' * 10000 + '\n')
sys.stdout.buffer.write(b'after big\n')
print('end')
raise SystemExit('exiting with a message')
