# Descriptor functions: os.open flags, read/write/lseek, pipe, dup, fstat,
# inheritance, closed descriptors, fdopen.
import os, tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data.bin')
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    print(type(fd).__name__, os.write(fd, b'hello '), os.write(fd, bytearray(b'world')), os.write(fd, memoryview(b'!!')))
    print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_SET), os.lseek(fd, -2, os.SEEK_END))
    print(os.get_inheritable(fd), os.get_blocking(fd))
    os.set_inheritable(fd, True)
    print(os.get_inheritable(fd))
    os.close(fd)
    print(oct(os.stat(path).st_mode & 0o777))
    fd = os.open(path, os.O_RDONLY)
    print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10), os.fstat(fd).st_size, os.isatty(fd))
    try:
        os.write(fd, b'x')
    except OSError as e:
        print(type(e).__name__, e.errno, e)
    fd2 = os.dup(fd)
    print(fd2 != fd, os.lseek(fd2, 0, os.SEEK_SET), os.read(fd, 3), os.get_inheritable(fd2))
    os.close(fd2)
    os.close(fd)
    for f in [lambda: os.read(fd, 1), lambda: os.close(fd), lambda: os.fstat(fd), lambda: os.lseek(fd, 0, 0),
              lambda: os.write(fd, b'x'), lambda: os.dup(fd)]:
        try:
            f()
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename)
    for f in [lambda: os.open(os.path.join(d, 'missing'), os.O_RDONLY), lambda: os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY),
              lambda: os.open(d, os.O_WRONLY)]:
        try:
            f()
        except OSError as e:
            print(type(e).__name__, e.errno, os.path.relpath(e.filename, d))
    for f in [lambda: os.read(0.5, 1), lambda: os.read(-1, 1), lambda: os.write(1, 'str'), lambda: os.read(0, -1), lambda: os.open(path, 'r')]:
        try:
            f()
        except (TypeError, ValueError, OSError) as e:
            print(type(e).__name__, e)
    r, w = os.pipe()
    print(os.write(w, b'through the pipe'), os.read(r, 7), os.read(r, 100))
    os.close(w)
    print(os.read(r, 10))
    os.close(r)
    fd = os.open(path, os.O_RDWR | os.O_APPEND)
    os.write(fd, b'+appended')
    os.close(fd)
    with os.fdopen(os.open(path, os.O_RDONLY), 'rb') as f:
        print(f.read())
    with os.fdopen(os.open(path, os.O_RDONLY)) as f:
        print(type(f).__name__, f.read())
    fd = os.open(path, os.O_RDONLY)
    with open(fd, 'rb', closefd=False) as f:
        print(f.read(5))
    print(os.read(fd, 5))
    os.close(fd)
    print(os.strerror(2), os.strerror(13), os.strerror(0))
