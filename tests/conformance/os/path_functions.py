# os.path on strings: join, split, splitext, basename, dirname, normpath,
# relpath, commonpath, commonprefix, isabs, expanduser, abspath, bytes paths.
import os
import os.path as p

print(p is os.path, p.__name__, os.sep, os.altsep, os.extsep, os.pathsep, os.curdir, os.pardir, os.devnull, os.name, repr(os.linesep))
for args in [('a', 'b'), ('a/', 'b'), ('/a', '/b', 'c'), ('', 'x'), ('a', ''), ('a', '', 'b'), ('/',), ('a', 'b/', '../c')]:
    print('join', args, p.join(*args))
for s in ['/a/b/c.txt', 'c.txt', '/a/b/', '/', '', 'a/b', '//x', 'a.b/c', 'dir/.hidden', 'x.tar.gz', '.', '..', 'a/b.', 'no_ext']:
    print(repr(s), p.split(s), p.splitext(s), repr(p.basename(s)), repr(p.dirname(s)), p.isabs(s))
for s in ['a//b', 'a/./b', 'a/../b', '../a', '/../a', 'a/b/../../..', '', '.', '//a//b/', '///a', 'a/b/c/../..', './']:
    print('normpath', repr(s), repr(p.normpath(s)))
for a, b in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/a/x', '/a/y/z'), ('a/b', 'a'), ('/x', '/x')]:
    print('relpath', a, b, p.relpath(a, b))
print(p.commonpath(['/a/b/c', '/a/b/d', '/a/bx']), p.commonpath(['a/b', 'a']), p.commonprefix(['interstate', 'internet', 'interval']), repr(p.commonprefix([])))
for bad in [['/a', 'b'], []]:
    try:
        p.commonpath(bad)
    except ValueError as e:
        print('ValueError', e)
print(p.join(b'a', b'b'), p.split(b'/x/y'), p.splitext(b'f.txt'), p.basename(b'/q/r'), p.normpath(b'a//b/../c'))
try:
    p.join('a', b'b')
except TypeError as e:
    print('TypeError', e)
try:
    p.join('a', 3)
except TypeError as e:
    print('TypeError', e)
print(p.abspath('x') == p.join(os.getcwd(), 'x'), p.abspath('/x/../y'), p.isabs(p.abspath('.')))
print(p.expanduser('~nosuchuser_xyz/f'), p.expanduser('noexpand'), p.expandvars('$NOSUCHVAR_XYZ/x'), p.normcase('AbC'))
os.environ['STITCH_PATH_VAR'] = 'value'
print(p.expandvars('$STITCH_PATH_VAR/${STITCH_PATH_VAR}.txt'))
print(p.splitdrive('/a/b'), p.split('a/b/'), p.basename('a/b/'), p.dirname('a/b/'))

class PL:
    def __fspath__(self):
        return '/from/fspath.txt'

print(p.basename(PL()), p.splitext(PL()), os.fspath(PL()), os.fsencode('é'), os.fsdecode(b'\xc3\xa9'))
for bad in [3, None, [1]]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print('TypeError', e)

class BadPL:
    def __fspath__(self):
        return 3

try:
    os.fspath(BadPL())
except TypeError as e:
    print('TypeError', e)
