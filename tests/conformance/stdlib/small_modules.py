# gc, errno, _stat, _string, _signal: small native modules.
import gc, errno, _stat, _string, _signal

print(gc.isenabled(), gc.collect(), gc.collect(2), gc.get_threshold(), len(gc.get_count()))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), type(gc.get_stats()), len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.garbage, gc.callbacks)
gc.set_threshold(100, 5, 5)
print(gc.get_threshold(), gc.get_debug(), gc.DEBUG_LEAK)
for bad in ["gc.collect(5)", "gc.collect('x')", "gc.enable(1)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)

print(errno.ENOENT, errno.EEXIST, errno.EAGAIN == errno.EWOULDBLOCK, errno.EDEADLK, errno.EOPNOTSUPP)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], len(errno.errorcode))
print(sorted(k for k in errno.errorcode if k < 10))

print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IRWXU, _stat.ST_MTIME, _stat.UF_HIDDEN, _stat.SF_SNAPSHOT)
for mode in [0o040755, 0o100644, 0o120777, 0o020600, 0o060660, 0o010644, 0o140755, 0o104755, 0o102750, 0o041777, 0o100000]:
    print(oct(mode), _stat.S_ISDIR(mode), _stat.S_ISREG(mode), _stat.S_ISLNK(mode), _stat.S_ISCHR(mode), _stat.S_ISBLK(mode),
          _stat.S_ISFIFO(mode), _stat.S_ISSOCK(mode), oct(_stat.S_IMODE(mode)), oct(_stat.S_IFMT(mode)), _stat.filemode(mode))
print(_stat.S_ISDOOR(0), _stat.S_ISPORT(0), _stat.S_ISWHT(0))
try:
    _stat.S_ISDIR("x")
except TypeError as e:
    print("TypeError", e)

for s in ["a{0!r:>10}b{{c}}", "{}", "x", "", "{a.b[c]:{w}}", "{!r}", "a}}", "{0:}", "{:{:{}}}", "ab{}cd{x}",
          "{a:b:c}", "{[}]}", "{0!}", "{", "}", "a{0", "{0!rr}", "{0[}", "{a{b}", "x{0!s}y", "{ü!a:é}"]:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for f in ["a.b[c][0]", "0.x", "", "a[", "[1]", "a..b", "a.", "1[2]x", "12", "x[00]", "x[-1]", "x[ 1]"]:
    try:
        first, rest = _string.formatter_field_name_split(f)
        print(repr(f), repr(first), list(rest))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for bad in ["_string.formatter_parser(5)", "_string.formatter_field_name_split(None)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
it = _string.formatter_parser("a{b}c")
print(iter(it) is it, next(it), next(it), next(it, "end"))

print(_signal.SIGINT, _signal.SIGTERM, _signal.SIG_DFL, _signal.SIG_IGN, _signal.NSIG)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler, _signal.getsignal(_signal.SIGTERM))
print(_signal.getsignal(_signal.SIGPIPE))
caught = []
def handler(signum, frame):
    caught.append(signum)
old = _signal.signal(_signal.SIGUSR1, handler)
print(old, _signal.getsignal(_signal.SIGUSR1) is handler)
_signal.raise_signal(_signal.SIGUSR1)
print(caught)
_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN)
_signal.raise_signal(_signal.SIGUSR1)
print(caught, _signal.getsignal(_signal.SIGUSR1))
_signal.signal(_signal.SIGINT, handler)
_signal.raise_signal(_signal.SIGINT)
print(caught)
_signal.signal(_signal.SIGINT, _signal.default_int_handler)
try:
    _signal.raise_signal(_signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    _signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises")
for bad in ["_signal.signal(0, _signal.SIG_DFL)", "_signal.signal(99, _signal.SIG_DFL)", "_signal.signal(2, 5)",
            "_signal.signal(9, _signal.SIG_IGN)", "_signal.getsignal(100)", "_signal.signal(2, 'x')"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
print(_signal.strsignal(_signal.SIGINT), _signal.strsignal(_signal.SIGTERM), 2 in _signal.valid_signals(),
      32 in _signal.valid_signals(), len(_signal.valid_signals()))
print(_signal.alarm(0))
