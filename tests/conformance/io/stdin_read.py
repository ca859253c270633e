# Reading the standard input: input(), readline, read(n), iteration, EOF.
import sys

print(sys.stdin, sys.stdin.readable(), sys.stdin.writable(), sys.stdin.fileno(), sys.stdin.encoding, sys.stdin.errors)
name = input('name? ')
print('hello', repr(name))
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.readline(4)), repr(sys.stdin.readline()))
print(repr(sys.stdin.read(5)))
count = 0
for line in sys.stdin:
    count += 1
    if count <= 3:
        print('line', repr(line))
    if line.startswith('STOP'):
        break
print('count', count)
print(repr(sys.stdin.buffer.readline()))
rest = sys.stdin.read()
print(len(rest), repr(rest[-12:]))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input()
except EOFError as e:
    print('EOFError', e)
try:
    input('prompt at eof> ')
except EOFError as e:
    print('EOFError', e)
