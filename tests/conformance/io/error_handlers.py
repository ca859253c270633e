# Decoding and encoding errors in text files: each error handler, CPython's
# messages and positions, errors that appear late in a big file.
import posix, atexit

_dir = '/tmp/stitch_io_error_handlers_%d' % posix.getpid()
posix.mkdir(_dir)
posix.chdir(_dir)

def _cleanup():
    posix.chdir('/')
    for n in posix.listdir(_dir):
        posix.unlink(_dir + '/' + n)
    posix.rmdir(_dir)

atexit.register(_cleanup)

with open('bad.bin', 'wb') as f:
    f.write(b'ok \xff\xfe then \xc3\x28 and \xe2\x82 end\n\x80last')

for enc in ['utf-8', 'ascii', 'latin-1']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace']:
        try:
            with open('bad.bin', encoding=enc, errors=err) as f:
                print(enc, err, repr(f.read()))
        except UnicodeDecodeError as e:
            print(enc, err, 'UnicodeDecodeError:', e)
        try:
            with open('bad.bin', encoding=enc, errors=err) as f:
                print(enc, err, [f.readline() for _ in range(3)])
        except UnicodeDecodeError as e:
            print(enc, err, 'UnicodeDecodeError:', e)

try:
    with open('bad.bin', encoding='utf-8', errors='bogus') as f:
        f.read()
except LookupError as e:
    print('LookupError', e)

with open('late.bin', 'wb') as f:
    f.write(b'x' * 20000 + b'\xff' + b'y' * 10)
try:
    with open('late.bin', encoding='utf-8') as f:
        data = f.read(100)
        print(len(data))
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
with open('late.bin', encoding='utf-8', errors='replace') as f:
    print(len(f.read()))

with open('trunc.bin', 'wb') as f:
    f.write(b'abc\xe2\x82')
try:
    open('trunc.bin', encoding='utf-8').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(repr(open('trunc.bin', encoding='utf-8', errors='replace').read()))

text = 'plain é ß € \U0001f600 end'
for enc in ['ascii', 'latin-1', 'utf-8']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            with open('out.txt', 'w', encoding=enc, errors=err) as f:
                print(enc, err, f.errors, f.write(text))
            print(open('out.txt', 'rb').read())
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError:', e)
f = open('out.txt', 'w', encoding='ascii')
try:
    f.write('ok')
    f.write('not ok: \xe9')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
f.write(' after')
f.close()
print(open('out.txt').read())
