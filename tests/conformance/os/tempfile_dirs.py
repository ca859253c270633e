# tempfile: TemporaryDirectory, NamedTemporaryFile, TemporaryFile,
# SpooledTemporaryFile, mkstemp, mkdtemp, gettempdir (paths never printed).
import os, tempfile

print(os.path.isdir(tempfile.gettempdir()), isinstance(tempfile.gettempprefix(), str))
with tempfile.TemporaryDirectory(prefix='pre_', suffix='_suf') as d:
    name = os.path.basename(d)
    print(os.path.isdir(d), name.startswith('pre_'), name.endswith('_suf'), os.listdir(d))
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.txt', delete=False) as tf:
        print(tf.write('named temp'), tf.name.endswith('.txt'), os.path.dirname(tf.name) == d, type(tf).__name__)
        tf.seek(0)
        print(tf.read())
    print(os.path.exists(tf.name), open(tf.name).read())
    with tempfile.NamedTemporaryFile(dir=d) as tf2:
        tf2.write(b'bytes mode')
        tf2.flush()
        print(tf2.mode, os.path.getsize(tf2.name), tf2.file.closed)
        path2 = tf2.name
    print(os.path.exists(path2))
    with tempfile.TemporaryFile(dir=d) as t:
        t.write(b'anonymous')
        t.seek(0)
        print(t.read(), t.mode)
    with tempfile.TemporaryFile('w+', dir=d) as t:
        t.write('text\nmode')
        t.seek(0)
        print(t.readlines())
    with tempfile.SpooledTemporaryFile(max_size=10, mode='w+', dir=d) as sp:
        sp.write('small')
        print(sp._rolled, sp.tell())
        sp.write(' and now bigger than ten')
        print(sp._rolled)
        sp.seek(0)
        print(sp.read())
    fd, path = tempfile.mkstemp(prefix='ms_', dir=d)
    os.write(fd, b'mkstemp')
    os.close(fd)
    print(os.path.basename(path).startswith('ms_'), open(path, 'rb').read(), oct(os.stat(path).st_mode & 0o777))
    sub = tempfile.mkdtemp(dir=d)
    print(os.path.isdir(sub), oct(os.stat(sub).st_mode & 0o777), os.path.dirname(sub) == d)
    print(len(os.listdir(d)))
print(os.path.exists(d))
td = tempfile.TemporaryDirectory()
p = td.name
with open(os.path.join(p, 'inside'), 'w') as f:
    f.write('x')
os.mkdir(os.path.join(p, 'nested'))
td.cleanup()
print(os.path.exists(p))
