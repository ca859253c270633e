# os.listdir, os.scandir and DirEntry (sorted output), os.walk, in a scratch
# directory.
import os, tempfile

with tempfile.TemporaryDirectory() as root:
    os.chdir(root)
    os.makedirs('top/sub1/deep')
    os.makedirs('top/sub2')
    for name, data in [('top/a.txt', 'aaa'), ('top/b.py', 'print()'), ('top/sub1/c.txt', ''), ('top/sub1/deep/d.bin', 'dddd'), ('top/.hidden', 'h')]:
        with open(name, 'w') as f:
            f.write(data)
    os.symlink('a.txt', 'top/link_to_a')
    os.symlink('sub2', 'top/link_to_sub2')
    os.symlink('missing', 'top/broken_link')
    print(sorted(os.listdir('top')))
    print(sorted(os.listdir(b'top')))
    os.chdir('top')
    print(sorted(os.listdir()), sorted(os.listdir('.')) == sorted(os.listdir()))
    os.chdir('..')
    entries = sorted(os.scandir('top'), key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_dir(follow_symlinks=False), e.is_file(), e.is_file(follow_symlinks=False), e.is_symlink(), os.fspath(e))
    for e in entries:
        try:
            st = e.stat()
            print(e.name, st.st_size if not e.is_dir() else 'dir', e.stat(follow_symlinks=False).st_size == os.lstat(e.path).st_size, e.inode() == os.lstat(e.path).st_ino)
        except FileNotFoundError as ex:
            print(e.name, 'FileNotFoundError', ex)
    with os.scandir(b'top') as it:
        print(sorted((e.name, e.path) for e in it))
    it = os.scandir('top')
    first = next(it)
    it.close()
    it.close()
    print(type(first).__name__, list(it))
    with os.scandir('top') as it:
        pass
    print(list(it))
    print(type(os.scandir('top')).__name__)
    try:
        os.DirEntry()
    except TypeError as e:
        print('TypeError', e)
    fd = os.open('top', os.O_RDONLY)
    print(sorted(os.listdir(fd)), sorted(e.name for e in os.scandir(fd)), sorted(e.path for e in os.scandir(fd))[:2])
    os.close(fd)
    for bad in ['nonexistent', 'top/a.txt']:
        for fn in [os.listdir, os.scandir]:
            try:
                fn(bad)
            except OSError as e:
                print(fn.__name__, type(e).__name__, e.errno, e.filename)
    for fn in [os.listdir, os.scandir]:
        try:
            fn([])
        except TypeError as e:
            print('TypeError', e)
    for dirpath, dirnames, filenames in sorted(os.walk('top')):
        print(dirpath, sorted(dirnames), sorted(filenames))
    for dirpath, dirnames, filenames in sorted(os.walk('top', followlinks=True)):
        print('follow', dirpath, sorted(dirnames), sorted(filenames))
    walked = list(os.walk('top', topdown=False))
    print([w[0] for w in walked][-1], len(walked))
    print(sorted(os.walk('nonexistent')))
    os.chdir('/')
