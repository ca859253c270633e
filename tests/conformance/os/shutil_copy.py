# shutil: copyfile, copy, copy2, copyfileobj, copytree, move, rmtree, which,
# and their errors.
import os, shutil, tempfile, io

with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    with open('src.txt', 'w') as f:
        f.write('source text\n' * 1000)
    os.chmod('src.txt', 0o640)
    os.utime('src.txt', (1000000000, 1000000000))
    print(shutil.copyfile('src.txt', 'copyfile.txt'), os.path.getsize('copyfile.txt'), oct(os.stat('copyfile.txt').st_mode & 0o777) != '0o640' or 'same')
    print(shutil.copy('src.txt', 'copy.txt'), oct(os.stat('copy.txt').st_mode & 0o777))
    os.mkdir('dest')
    print(shutil.copy('src.txt', 'dest'), sorted(os.listdir('dest')))
    print(shutil.copy2('src.txt', 'copy2.txt'), os.stat('copy2.txt').st_mtime, oct(os.stat('copy2.txt').st_mode & 0o777))
    print(open('copy2.txt').read() == open('src.txt').read())
    for f, a in [(shutil.copyfile, ('missing', 'x')), (shutil.copyfile, ('src.txt', 'src.txt')), (shutil.copy, ('src.txt', 'nodir/x')), (shutil.copyfile, ('dest', 'y'))]:
        try:
            f(*a)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
    out = io.BytesIO()
    with open('src.txt', 'rb') as f:
        shutil.copyfileobj(f, out, 100)
    print(len(out.getvalue()))
    os.makedirs('tree/a/b')
    for n in ['tree/x.txt', 'tree/a/y.py', 'tree/a/b/z.txt']:
        with open(n, 'w') as f:
            f.write(n)
    os.symlink('x.txt', 'tree/link')
    print(shutil.copytree('tree', 'tree2'))
    for root, dirs, files in sorted(os.walk('tree2')):
        print(root, sorted(dirs), sorted(files))
    print(os.path.islink('tree2/link'), open('tree2/a/b/z.txt').read())
    shutil.copytree('tree', 'tree3', ignore=shutil.ignore_patterns('*.py'), symlinks=True)
    print(sorted(os.listdir('tree3/a')), os.path.islink('tree3/link'))
    try:
        shutil.copytree('tree', 'tree2')
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    shutil.copytree('tree', 'tree2', dirs_exist_ok=True)
    print(shutil.move('copy.txt', 'moved.txt'), os.path.exists('copy.txt'))
    print(shutil.move('moved.txt', 'dest'), sorted(os.listdir('dest')))
    print(shutil.move('tree3', 'tree4'), os.path.isdir('tree4'))
    shutil.rmtree('tree2')
    print(os.path.exists('tree2'), sorted(os.listdir('.')))
    try:
        shutil.rmtree('missing')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.filename)
    shutil.rmtree('missing', ignore_errors=True)
    errors = []
    shutil.rmtree('missing', onerror=lambda fn, p, exc: errors.append((fn.__name__, p, exc[0].__name__)))
    print(errors)
    try:
        shutil.rmtree('src.txt')
    except NotADirectoryError as e:
        print('NotADirectoryError', e.errno)
    print(shutil.which('sh') is not None, shutil.which('definitely-not-a-command-xyz'))
    print(shutil.get_terminal_size((33, 44)))
    os.chdir('/')
