//! The `posix` module (what `os` builds on): file-system and descriptor
//! functions, `stat`, `scandir`, the environment, process information and the
//! constants, for Linux.

pub mod fd;
pub mod fs;
pub mod path;
pub mod process;
pub mod pwd;
pub mod scandir;
pub mod stat;

use stitch_core::value::Value;

use crate::modules::structseq;
use crate::modules::util::{add_fns, add_ints};
use crate::object::function::NativeFn;
use crate::object::{list, module, str as pystr};
use crate::vm::{PyResult, Vm};

const CONSTANTS: &[(&str, i64)] = &[
    ("CLD_CONTINUED", 6),
    ("CLD_DUMPED", 3),
    ("CLD_EXITED", 1),
    ("CLD_KILLED", 2),
    ("CLD_STOPPED", 5),
    ("CLD_TRAPPED", 4),
    ("EX_CANTCREAT", 73),
    ("EX_CONFIG", 78),
    ("EX_DATAERR", 65),
    ("EX_IOERR", 74),
    ("EX_NOHOST", 68),
    ("EX_NOINPUT", 66),
    ("EX_NOPERM", 77),
    ("EX_NOUSER", 67),
    ("EX_OK", 0),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_PROTOCOL", 76),
    ("EX_SOFTWARE", 70),
    ("EX_TEMPFAIL", 75),
    ("EX_UNAVAILABLE", 69),
    ("EX_USAGE", 64),
    ("F_LOCK", 1),
    ("F_OK", 0),
    ("F_TEST", 3),
    ("F_TLOCK", 2),
    ("F_ULOCK", 0),
    ("GRND_NONBLOCK", 1),
    ("GRND_RANDOM", 2),
    ("NGROUPS_MAX", 65536),
    ("O_ACCMODE", 3),
    ("O_APPEND", 1024),
    ("O_ASYNC", 8192),
    ("O_CLOEXEC", 524288),
    ("O_CREAT", 64),
    ("O_DIRECT", 16384),
    ("O_DIRECTORY", 65536),
    ("O_DSYNC", 4096),
    ("O_EXCL", 128),
    ("O_FSYNC", 1052672),
    ("O_LARGEFILE", 0),
    ("O_NDELAY", 2048),
    ("O_NOATIME", 262144),
    ("O_NOCTTY", 256),
    ("O_NOFOLLOW", 131072),
    ("O_NONBLOCK", 2048),
    ("O_PATH", 2097152),
    ("O_RDONLY", 0),
    ("O_RDWR", 2),
    ("O_RSYNC", 1052672),
    ("O_SYNC", 1052672),
    ("O_TMPFILE", 4259840),
    ("O_TRUNC", 512),
    ("O_WRONLY", 1),
    ("PRIO_PGRP", 1),
    ("PRIO_PROCESS", 0),
    ("PRIO_USER", 2),
    ("P_ALL", 0),
    ("P_PGID", 2),
    ("P_PID", 1),
    ("RTLD_DEEPBIND", 8),
    ("RTLD_GLOBAL", 256),
    ("RTLD_LAZY", 1),
    ("RTLD_LOCAL", 0),
    ("RTLD_NODELETE", 4096),
    ("RTLD_NOLOAD", 4),
    ("RTLD_NOW", 2),
    ("R_OK", 4),
    ("SCHED_BATCH", 3),
    ("SCHED_FIFO", 1),
    ("SCHED_IDLE", 5),
    ("SCHED_OTHER", 0),
    ("SCHED_RR", 2),
    ("SEEK_DATA", 3),
    ("SEEK_HOLE", 4),
    ("ST_APPEND", 256),
    ("ST_MANDLOCK", 64),
    ("ST_NOATIME", 1024),
    ("ST_NODEV", 4),
    ("ST_NODIRATIME", 2048),
    ("ST_NOEXEC", 8),
    ("ST_NOSUID", 2),
    ("ST_RDONLY", 1),
    ("ST_RELATIME", 4096),
    ("ST_SYNCHRONOUS", 16),
    ("ST_WRITE", 128),
    ("TMP_MAX", 238328),
    ("WCONTINUED", 8),
    ("WEXITED", 4),
    ("WNOHANG", 1),
    ("WNOWAIT", 16777216),
    ("WSTOPPED", 2),
    ("WUNTRACED", 2),
    ("W_OK", 2),
    ("X_OK", 1),
];

/// What `os.supports_dir_fd`, `supports_fd` and `supports_follow_symlinks` are
/// built from: only what the functions here implement.
const HAVE: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat::stat),
    ("lstat", stat::lstat),
    ("fstat", stat::fstat),
    ("utime", stat::utime),
    ("statvfs", stat::statvfs),
    ("fstatvfs", stat::fstatvfs),
    ("getcwd", fs::getcwd),
    ("getcwdb", fs::getcwdb),
    ("chdir", fs::chdir),
    ("listdir", fs::listdir),
    ("mkdir", fs::mkdir),
    ("rmdir", fs::rmdir),
    ("unlink", fs::unlink),
    ("remove", fs::remove),
    ("rename", fs::rename),
    ("replace", fs::replace),
    ("link", fs::link),
    ("symlink", fs::symlink),
    ("readlink", fs::readlink),
    ("access", fs::access),
    ("chmod", fs::chmod),
    ("fchmod", fs::fchmod),
    ("chown", fs::chown),
    ("umask", fs::umask),
    ("truncate", fs::truncate),
    ("ftruncate", fs::ftruncate),
    ("mkfifo", fs::mkfifo),
    ("scandir", scandir::scandir),
    ("open", fd::open),
    ("close", fd::close),
    ("closerange", fd::closerange),
    ("read", fd::read),
    ("write", fd::write),
    ("lseek", fd::lseek),
    ("isatty", fd::isatty),
    ("dup", fd::dup),
    ("dup2", fd::dup2),
    ("pipe", fd::pipe),
    ("fsync", fd::fsync),
    ("get_inheritable", fd::get_inheritable),
    ("set_inheritable", fd::set_inheritable),
    ("get_blocking", fd::get_blocking),
    ("set_blocking", fd::set_blocking),
    ("sendfile", fd::sendfile),
    ("get_terminal_size", fd::get_terminal_size),
    ("device_encoding", fd::device_encoding),
    ("getpid", process::getpid),
    ("getppid", process::getppid),
    ("getuid", process::getuid),
    ("geteuid", process::geteuid),
    ("getgid", process::getgid),
    ("getegid", process::getegid),
    ("getpgrp", process::getpgrp),
    ("getlogin", process::getlogin),
    ("kill", process::kill),
    ("waitpid", process::waitpid),
    ("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    ("WIFEXITED", process::wifexited),
    ("WEXITSTATUS", process::wexitstatus),
    ("WIFSIGNALED", process::wifsignaled),
    ("WTERMSIG", process::wtermsig),
    ("WIFSTOPPED", process::wifstopped),
    ("WSTOPSIG", process::wstopsig),
    ("_exit", process::exit),
    ("abort", process::abort),
    ("uname", process::uname),
    ("times", process::times),
    ("cpu_count", process::cpu_count),
    ("sched_getaffinity", process::sched_getaffinity),
    ("urandom", process::urandom),
    ("strerror", process::strerror),
    ("system", process::system),
    ("getloadavg", process::getloadavg),
    ("putenv", process::putenv),
    ("unsetenv", process::unsetenv),
    ("fspath", process::fspath),
    ("register_at_fork", process::register_at_fork),
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    if let Some(m) = vm.registry.get("posix") {
        return Ok(*m);
    }
    let m = module::new(vm, "posix");
    vm.registry.insert("posix", m);
    add_fns(vm, m, FUNCTIONS);
    add_ints(vm, m, CONSTANTS);
    let st = stat::make_type(vm);
    module::set(vm, m, "stat_result", st);
    let vt = stat::make_vfs_type(vm);
    module::set(vm, m, "statvfs_result", vt);
    let ts = structseq::new_type(vm, "os", "terminal_size", &["columns", "lines"], 2, true);
    vm.registry.insert("os.terminal_size", ts);
    module::set(vm, m, "terminal_size", ts);
    let tr = structseq::new_type(
        vm,
        "posix",
        "times_result",
        &[
            "user",
            "system",
            "children_user",
            "children_system",
            "elapsed",
        ],
        5,
        true,
    );
    vm.registry.insert("posix.times_result", tr);
    module::set(vm, m, "times_result", tr);
    let ur = structseq::new_type(
        vm,
        "posix",
        "uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
        5,
        true,
    );
    vm.registry.insert("posix.uname_result", ur);
    module::set(vm, m, "uname_result", ur);
    let (_it, de) = scandir::init_types(vm);
    module::set(vm, m, "DirEntry", de);
    let oe = vm.exc.os_error;
    module::set(vm, m, "error", oe);
    let env = process::environ(vm);
    module::set(vm, m, "environ", env);
    let mut names = crate::gc::Rooted::new();
    for h in HAVE {
        let s = pystr::new(vm, h);
        names.push(s);
    }
    let l = list::new(vm, &names);
    module::set(vm, m, "_have_functions", l);
    Ok(m)
}
