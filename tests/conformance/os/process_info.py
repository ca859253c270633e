# Process and system information from os (values that vary are checked, not
# printed): ids, uname, times, cpu_count, urandom, umask, terminal size,
# strerror, kill, wait-status helpers, error types.
import os, sys, errno

print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid(), isinstance(os.getuid(), int), os.geteuid() == os.getuid(), os.getgid() >= 0)
u = os.uname()
print(type(u).__name__, type(u).__module__, len(u), u.sysname, u[0] == u.sysname, sorted(u._fields) if hasattr(u, '_fields') else u.n_fields)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user >= 0, t[4] == t.elapsed)
print(os.cpu_count() >= 1, len(os.sched_getaffinity(0)) >= 1, len(os.urandom(0)), len(os.urandom(16)), type(os.urandom(4)).__name__, os.urandom(8) != os.urandom(8))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)
old = os.umask(0o027)
print(oct(os.umask(old)))
try:
    os.get_terminal_size(0)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns, os.get_terminal_size.__name__)
try:
    os.terminal_size((1, 2, 3))
except TypeError as e:
    print('TypeError', e)
for code in [errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EPERM, errno.EINVAL, errno.EBADF, 0, 100000]:
    print(code, os.strerror(code))
os.kill(os.getpid(), 0)
try:
    os.kill(999999999, 0)
except ProcessLookupError as e:
    print('ProcessLookupError', e.errno, e)
for exc_args in [(errno.ENOENT, 'x'), (errno.EEXIST, 'x'), (errno.EACCES, 'x'), (errno.EPERM, 'x'), (errno.ECHILD, 'x'), (errno.EAGAIN, 'x'), (errno.EINTR, 'x'), (errno.EISDIR, 'x'), (errno.ENOTDIR, 'x'), (errno.ESRCH, 'x'), (errno.ETIMEDOUT, 'x'), (errno.EPIPE, 'x'), (errno.EINVAL, 'x'), (99999, 'x')]:
    print(exc_args[0], type(OSError(*exc_args)).__name__)
print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9), os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f), os.waitstatus_to_exitcode(512), os.waitstatus_to_exitcode(9))
print(os.error is OSError, os.sep, os.getloadavg().__class__.__name__, len(os.getloadavg()))
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print('ChildProcessError', e.errno)
print(os.system('exit 3') >> 8, os.system('true'))
print(sys.platform, os.name, os.supports_bytes_environ, sorted(n for n in ['open', 'stat', 'mkdir'] if getattr(os, n) in os.supports_dir_fd))
print(os.device_encoding(0), os.isatty(0))
