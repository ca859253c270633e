# glob and fnmatch over a scratch tree (results sorted).
import os, glob, fnmatch, tempfile

print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.fnmatch('Foo.PY', '*.py'), fnmatch.fnmatchcase('Foo.PY', '*.py'))
print(fnmatch.filter(['a.txt', 'b.py', 'c.txt', '.h.txt'], '*.txt'), fnmatch.translate('[!a-c]?.t*'))
for pat in ['?', '[ab]*', '[!ab]*', '*[0-9]', '[]]', '[!]]', 'a*b*c', '\\*']:
    print(pat, [n for n in ['a', 'b1', 'c', ']', 'axbyc', '*', 'ab9'] if fnmatch.fnmatch(n, pat)])
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    os.makedirs('src/pkg/sub')
    os.makedirs('docs')
    for n in ['src/a.py', 'src/b.py', 'src/c.txt', 'src/pkg/__init__.py', 'src/pkg/sub/deep.py', 'docs/readme.md', '.hidden.py', 'top.py']:
        with open(n, 'w') as f:
            f.write('x')
    print(sorted(glob.glob('*.py')))
    print(sorted(glob.glob('src/*.py')))
    print(sorted(glob.glob('src/*')))
    print(sorted(glob.glob('**/*.py', recursive=True)))
    print(sorted(glob.glob('**', recursive=True)))
    print(sorted(glob.glob('src/**/', recursive=True)))
    print(sorted(glob.glob('*/')))
    print(sorted(glob.glob('src/[ab].py')), sorted(glob.glob('src/?.*')), glob.glob('nothing*'))
    print(sorted(glob.glob('.*')), sorted(glob.glob('*', include_hidden=True)) if 'include_hidden' in glob.glob.__code__.co_varnames else 'n/a')
    print(sorted(glob.iglob('src/**/*.py', recursive=True)))
    print(sorted(glob.glob('*.py', root_dir='src')), sorted(glob.glob(b'src/*.txt')))
    print(glob.escape('a[b]*?.txt'), glob.has_magic('a*'), glob.has_magic('plain'))
    os.chdir('/')
