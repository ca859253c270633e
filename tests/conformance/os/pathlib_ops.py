# pathlib: pure path manipulation and file-system operations in a scratch
# directory (relative paths only are printed).
import os, tempfile
from pathlib import Path, PurePosixPath, PurePath

p = PurePosixPath('/usr/lib/python3.11/os.py')
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, list(p.parents)[:2], p.parts, p.anchor, p.root, p.is_absolute())
print(p.with_name('x.txt'), p.with_suffix('.pyc'), p.with_stem('posix'), p.relative_to('/usr'), p.is_relative_to('/usr'), p.is_relative_to('/etc'))
print(PurePath('a/b') / 'c' / 'd.tar.gz', PurePosixPath('a', 'b/c', '../d'), PurePosixPath('a/./b/'), PurePosixPath('//x/y'), PurePosixPath('x') == PurePosixPath('x/'))
print(PurePosixPath('a.tar.gz').suffixes, PurePosixPath('.bashrc').suffix, PurePosixPath('a/b').match('*/b'), PurePosixPath('a/b.py').match('*.py'), PurePosixPath('x').joinpath('y', 'z'))
print(sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]), hash(PurePosixPath('a')) == hash(PurePosixPath('a')), PurePosixPath('A') < PurePosixPath('a'))
for f in [lambda: p.relative_to('/etc'), lambda: PurePosixPath('a').with_suffix('bad'), lambda: PurePosixPath('').with_name('x'), lambda: Path('a') / 3]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(os.fspath(p), bytes(p), str(p), p.as_posix(), p.as_uri())

with tempfile.TemporaryDirectory() as d:
    base = Path(d)
    os.chdir(d)
    (base / 'sub' / 'deep').mkdir(parents=True)
    try:
        (base / 'sub').mkdir()
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    (base / 'sub').mkdir(exist_ok=True)
    f = base / 'sub' / 'file.txt'
    print(f.write_text('héllo\npathlib\n', encoding='utf-8'), f.read_text(encoding='utf-8'), f.read_bytes())
    print(f.write_bytes(b'\x00\x01bytes'), f.read_bytes(), f.stat().st_size, f.exists(), f.is_file(), f.is_dir(), f.is_symlink())
    with f.open('w') as fh:
        fh.write('via open\n')
    with f.open() as fh:
        print(fh.read(), type(fh).__name__)
    (base / 'a.py').touch()
    (base / 'b.txt').write_text('b')
    (base / 'link').symlink_to('b.txt')
    print(sorted(x.name for x in base.iterdir()))
    print(sorted(str(x.relative_to(base)) for x in base.glob('*.py')), sorted(str(x.relative_to(base)) for x in base.rglob('*.txt')))
    print(sorted(str(x.relative_to(base)) for x in base.glob('**/*')))
    print((base / 'link').is_symlink(), (base / 'link').resolve() == (base / 'b.txt').resolve(), os.readlink(base / 'link'), (base / 'link').read_text())
    print(Path('sub/file.txt').exists(), Path('sub/file.txt').absolute() == f.absolute(), Path('.').resolve() == base.resolve())
    print(Path('missing').exists(), Path('missing').is_file(), Path('missing').is_dir())
    try:
        Path('missing').read_text()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.filename)
    try:
        Path('missing').stat()
    except FileNotFoundError as e:
        print('FileNotFoundError', e)
    g = (base / 'b.txt').rename(base / 'c.txt')
    print(g.name, (base / 'b.txt').exists(), (base / 'link').exists())
    h = g.replace(base / 'd.txt')
    print(h.name, h.read_text())
    (base / 'a.py').unlink()
    (base / 'link').unlink()
    try:
        (base / 'a.py').unlink()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    (base / 'a.py').unlink(missing_ok=True)
    (base / 'sub' / 'deep').rmdir()
    print(sorted(str(x.relative_to(base)) for x in base.rglob('*')))
    print(Path.cwd().resolve() == base.resolve(), Path.home().is_absolute(), Path('~').expanduser().is_absolute())
    st = h.stat()
    h.chmod(0o600)
    print(oct(h.stat().st_mode & 0o777), h.lstat().st_size == st.st_size, h.owner() != '' if hasattr(h, 'owner') else True, h.samefile(str(h)))
    print(Path('sub/file.txt').with_suffix('.md'), Path('x') / Path('y'), list(Path('sub').iterdir())[0].name)
    os.chdir('/')
