# io.StringIO newline modes: translation on write, line splitting on read,
# the newlines attribute, getvalue.
from _io import StringIO

text = 'a\nb\r\nc\rd\n\r\ne'
for nl in ['\n', None, '', '\r', '\r\n']:
    s = StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), repr(s.newlines))
    print([s.readline() for _ in range(7)])
    s.seek(0)
    print(list(s))
    s = StringIO(newline=nl)
    print(s.write('x\ny\r\nz\r'), repr(s.getvalue()), repr(s.newlines), s.tell())
    s.write('\n')
    print(repr(s.getvalue()), repr(s.newlines))
    s.seek(0)
    print(repr(s.read()))
for bad in ['x', '\n\n', 3]:
    try:
        StringIO('', newline=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = StringIO('first\r\nsecond', newline=None)
print(s.readline(3), s.readline(), s.tell(), s.read())
s = StringIO(newline='')
s.write('a\r')
print(repr(s.getvalue()), repr(s.newlines))
s.write('\nb')
print(repr(s.getvalue()), repr(s.newlines))
s.seek(0)
print(s.readlines())
