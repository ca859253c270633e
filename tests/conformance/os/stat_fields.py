# os.stat and stat_result: fields, tuple items, float and ns times, lstat vs
# stat on symlinks, fstat, utime, chmod, access, stat module helpers.
import os, stat, tempfile

with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    with open('f.txt', 'w') as f:
        f.write('0123456789')
    os.mkdir('dir')
    os.symlink('f.txt', 'ln')
    st = os.stat('f.txt')
    print(type(st).__name__, type(st).__module__, len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
    print(st.st_size, st[6], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_nlink, st.st_uid == os.getuid(), st.st_gid == os.getgid())
    print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__, st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8])
    print(st.st_ino == st[1], st.st_dev == st[2], st.st_blksize > 0, st.st_blocks >= 0, st.st_rdev)
    print(tuple(st)[6], st[-1] == st[9], st[:3] == (st.st_mode, st.st_ino, st.st_dev))
    try:
        st.st_size = 5
    except AttributeError as e:
        print('AttributeError', e)
    try:
        st[10]
    except IndexError as e:
        print('IndexError', e)
    os.chmod('f.txt', 0o640)
    print(oct(stat.S_IMODE(os.stat('f.txt').st_mode)), stat.filemode(os.stat('f.txt').st_mode), stat.filemode(os.stat('dir').st_mode)[0])
    os.utime('f.txt', (1000000000, 1234567890))
    st = os.stat('f.txt')
    print(st.st_atime, st.st_mtime, st[7], st[8], st.st_atime_ns, st.st_mtime_ns)
    os.utime('f.txt', (1.5, 2.25))
    st = os.stat('f.txt')
    print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns)
    os.utime('f.txt', ns=(5, 3000000007))
    st = os.stat('f.txt')
    print(st.st_atime_ns, st.st_mtime_ns, st[8], st.st_mtime)
    for kw in [dict(times=(1, 2), ns=(1, 2)), dict(times=(1,)), dict(times=5), dict(ns=5)]:
        try:
            os.utime('f.txt', **kw)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    lst = os.lstat('ln')
    print(stat.S_ISLNK(lst.st_mode), stat.S_ISLNK(os.stat('ln').st_mode), os.stat('ln').st_size, os.stat('ln', follow_symlinks=False).st_size == lst.st_size)
    fd = os.open('f.txt', os.O_RDONLY)
    print(os.fstat(fd).st_size, os.stat(fd).st_ino == os.stat('f.txt').st_ino)
    os.close(fd)
    print(os.access('f.txt', os.R_OK), os.access('f.txt', os.W_OK | os.R_OK), os.access('missing', os.F_OK), os.access('dir', os.X_OK))
    print(os.path.getsize('f.txt'), os.path.getmtime('f.txt'), os.path.isfile('ln'), os.path.islink('ln'), os.path.isdir('dir'), os.path.exists('ln'), os.path.lexists('ln'))
    print(os.path.samefile('f.txt', 'ln'), os.path.samestat(os.stat('f.txt'), os.stat('ln')), os.path.ismount('/'), os.path.ismount(d))
    for bad in ['missing', 'f.txt/x', '']:
        try:
            os.stat(bad)
        except OSError as e:
            print(type(e).__name__, e.errno, repr(e.filename), e)
    for bad in [None, 1.5, [1]]:
        try:
            os.stat(bad)
        except TypeError as e:
            print('TypeError', e)
    try:
        os.lstat(3)
    except TypeError as e:
        print('TypeError', e)
    r = os.stat_result(range(10))
    print(r, r.st_atime, r[7])
    print(os.stat_result((1,) * 13)[:3], os.stat_result((1,) * 13).st_atime)
    try:
        os.stat_result((1, 2))
    except TypeError as e:
        print('TypeError', e)
    os.chdir('/')
