# os.environ and os.environb: reading, setting, deleting, putenv/unsetenv,
# getenv, copy, and errors.
import os

print(type(os.environ).__name__, os.environ['LC_ALL'], os.environb[b'LC_ALL'], 'PYTHONHASHSEED' in os.environ)
print(os.getenv('PYTHONIOENCODING'), os.getenv('NO_SUCH_VAR_STITCH'), os.getenv('NO_SUCH_VAR_STITCH', 'default'), os.getenvb(b'LC_ALL'))
os.environ['STITCH_VAR'] = 'one'
print(os.environ['STITCH_VAR'], os.environb[b'STITCH_VAR'], os.getenv('STITCH_VAR'), os.environ.get('STITCH_VAR'))
os.environ['STITCH_VAR'] = 'two é'
print(os.environ['STITCH_VAR'], os.environb[b'STITCH_VAR'])
os.environb[b'STITCH_BVAR'] = b'bytes'
print(os.environ['STITCH_BVAR'])
del os.environ['STITCH_VAR']
print('STITCH_VAR' in os.environ, os.environ.get('STITCH_VAR', 'gone'), os.environ.pop('STITCH_BVAR'), b'STITCH_BVAR' in os.environb)
try:
    os.environ['NO_SUCH_VAR_STITCH']
except KeyError as e:
    print('KeyError', e)
try:
    del os.environ['NO_SUCH_VAR_STITCH']
except KeyError as e:
    print('KeyError', e)
for k, v in [(1, 'x'), ('x', 1), ('A=B', 'x'), ('', 'x'), ('x\0y', 'z'), ('OK_\u00e9', 'v')]:
    try:
        os.environ[k] = v
        print('set', repr(k))
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
os.environ.setdefault('STITCH_DEF', 'dflt')
os.environ.setdefault('STITCH_DEF', 'other')
print(os.environ['STITCH_DEF'])
os.environ.update({'STITCH_U1': 'a', 'STITCH_U2': 'b'})
print(sorted(k for k in os.environ if k.startswith('STITCH_')))
copy = os.environ.copy()
print(type(copy).__name__, copy['STITCH_U1'], len(copy) == len(os.environ))
os.putenv('STITCH_PUT', 'direct')
print('STITCH_PUT' in os.environ)
os.unsetenv('STITCH_PUT')
for f in [lambda: os.putenv('A=B', 'x'), lambda: os.putenv('', 'x'), lambda: os.unsetenv('A=B'), lambda: os.putenv(1, 'x'), lambda: os.unsetenv(''), lambda: os.putenv('X', 1), lambda: os.putenv('N\0', 'x')]:
    try:
        f()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
print(repr(os.environ)[:9], str(os.environ)[:9] == repr(os.environ)[:9])
print(os.get_exec_path()[:1] != [], os.supports_bytes_environ)
import sys
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
