//! The `_stat` module: file mode constants, `S_IS*` tests, `S_IMODE`, `S_IFMT`
//! and `filemode` (stat.py uses these over its pure-Python versions).

use stitch_core::value::Value;

use super::util::{add_fns, add_ints};
use crate::builtins::args;
use crate::object::{module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

const S_IFMT: i64 = 0o170000;
const S_IFDIR: i64 = 0o040000;
const S_IFCHR: i64 = 0o020000;
const S_IFBLK: i64 = 0o060000;
const S_IFREG: i64 = 0o100000;
const S_IFIFO: i64 = 0o010000;
const S_IFLNK: i64 = 0o120000;
const S_IFSOCK: i64 = 0o140000;

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_stat");
    add_ints(
        vm,
        m,
        &[
            ("S_IFDIR", S_IFDIR),
            ("S_IFCHR", S_IFCHR),
            ("S_IFBLK", S_IFBLK),
            ("S_IFREG", S_IFREG),
            ("S_IFIFO", S_IFIFO),
            ("S_IFLNK", S_IFLNK),
            ("S_IFSOCK", S_IFSOCK),
            ("S_IFDOOR", 0),
            ("S_IFPORT", 0),
            ("S_IFWHT", 0),
            ("S_ISUID", 0o4000),
            ("S_ISGID", 0o2000),
            ("S_ENFMT", 0o2000),
            ("S_ISVTX", 0o1000),
            ("S_IREAD", 0o400),
            ("S_IWRITE", 0o200),
            ("S_IEXEC", 0o100),
            ("S_IRWXU", 0o700),
            ("S_IRUSR", 0o400),
            ("S_IWUSR", 0o200),
            ("S_IXUSR", 0o100),
            ("S_IRWXG", 0o070),
            ("S_IRGRP", 0o040),
            ("S_IWGRP", 0o020),
            ("S_IXGRP", 0o010),
            ("S_IRWXO", 0o007),
            ("S_IROTH", 0o004),
            ("S_IWOTH", 0o002),
            ("S_IXOTH", 0o001),
            ("UF_NODUMP", 0x1),
            ("UF_IMMUTABLE", 0x2),
            ("UF_APPEND", 0x4),
            ("UF_OPAQUE", 0x8),
            ("UF_NOUNLINK", 0x10),
            ("UF_COMPRESSED", 0x20),
            ("UF_HIDDEN", 0x8000),
            ("SF_ARCHIVED", 0x10000),
            ("SF_IMMUTABLE", 0x20000),
            ("SF_APPEND", 0x40000),
            ("SF_NOUNLINK", 0x100000),
            ("SF_SNAPSHOT", 0x200000),
            ("ST_MODE", 0),
            ("ST_INO", 1),
            ("ST_DEV", 2),
            ("ST_NLINK", 3),
            ("ST_UID", 4),
            ("ST_GID", 5),
            ("ST_SIZE", 6),
            ("ST_ATIME", 7),
            ("ST_MTIME", 8),
            ("ST_CTIME", 9),
            ("FILE_ATTRIBUTE_ARCHIVE", 32),
            ("FILE_ATTRIBUTE_COMPRESSED", 2048),
            ("FILE_ATTRIBUTE_DEVICE", 64),
            ("FILE_ATTRIBUTE_DIRECTORY", 16),
            ("FILE_ATTRIBUTE_ENCRYPTED", 16384),
            ("FILE_ATTRIBUTE_HIDDEN", 2),
            ("FILE_ATTRIBUTE_INTEGRITY_STREAM", 32768),
            ("FILE_ATTRIBUTE_NORMAL", 128),
            ("FILE_ATTRIBUTE_NOT_CONTENT_INDEXED", 8192),
            ("FILE_ATTRIBUTE_NO_SCRUB_DATA", 131072),
            ("FILE_ATTRIBUTE_OFFLINE", 4096),
            ("FILE_ATTRIBUTE_READONLY", 1),
            ("FILE_ATTRIBUTE_REPARSE_POINT", 1024),
            ("FILE_ATTRIBUTE_SPARSE_FILE", 512),
            ("FILE_ATTRIBUTE_SYSTEM", 4),
            ("FILE_ATTRIBUTE_TEMPORARY", 256),
            ("FILE_ATTRIBUTE_VIRTUAL", 65536),
        ],
    );
    add_fns(
        vm,
        m,
        &[
            ("S_ISDIR", s_isdir),
            ("S_ISCHR", s_ischr),
            ("S_ISBLK", s_isblk),
            ("S_ISREG", s_isreg),
            ("S_ISFIFO", s_isfifo),
            ("S_ISLNK", s_islnk),
            ("S_ISSOCK", s_issock),
            ("S_ISDOOR", s_false),
            ("S_ISPORT", s_false),
            ("S_ISWHT", s_false),
            ("S_IMODE", s_imode),
            ("S_IFMT", s_ifmt),
            ("filemode", filemode),
        ],
    );
    Ok(m)
}

fn mode_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i64> {
    args::count(vm, a, name, 1, 1)?;
    let v = a.pos[0];
    if !crate::object::int::is_int(v) && crate::object::int::native(v).is_none() {
        return Err(vm.type_error("an integer is required"));
    }
    let m = crate::object::int::to_i64_clamped(v);
    if m < 0 {
        return Err(vm.overflow_error("mode out of range"));
    }
    Ok(m)
}

macro_rules! is_fmt {
    ($name:ident, $py:literal, $fmt:expr) => {
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let m = mode_arg(vm, a, $py)?;
            Ok(Value::from_bool(m & S_IFMT == $fmt))
        }
    };
}

is_fmt!(s_isdir, "S_ISDIR", S_IFDIR);
is_fmt!(s_ischr, "S_ISCHR", S_IFCHR);
is_fmt!(s_isblk, "S_ISBLK", S_IFBLK);
is_fmt!(s_isreg, "S_ISREG", S_IFREG);
is_fmt!(s_isfifo, "S_ISFIFO", S_IFIFO);
is_fmt!(s_islnk, "S_ISLNK", S_IFLNK);
is_fmt!(s_issock, "S_ISSOCK", S_IFSOCK);

fn s_false(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mode_arg(vm, a, "S_ISDOOR")?;
    Ok(Value::FALSE)
}

fn s_imode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mode_arg(vm, a, "S_IMODE")?;
    Ok(Value::small(m & 0o7777))
}

fn s_ifmt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mode_arg(vm, a, "S_IFMT")?;
    Ok(Value::small(m & S_IFMT))
}

fn filemode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mode_arg(vm, a, "filemode")?;
    let kind = match m & S_IFMT {
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        S_IFREG => '-',
        S_IFBLK => 'b',
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        _ => '?',
    };
    let mut s = String::from(kind);
    let bit = |b: i64, c: char| if m & b != 0 { c } else { '-' };
    s.push(bit(0o400, 'r'));
    s.push(bit(0o200, 'w'));
    s.push(match (m & 0o100 != 0, m & 0o4000 != 0) {
        (true, true) => 's',
        (false, true) => 'S',
        (true, false) => 'x',
        _ => '-',
    });
    s.push(bit(0o040, 'r'));
    s.push(bit(0o020, 'w'));
    s.push(match (m & 0o010 != 0, m & 0o2000 != 0) {
        (true, true) => 's',
        (false, true) => 'S',
        (true, false) => 'x',
        _ => '-',
    });
    s.push(bit(0o004, 'r'));
    s.push(bit(0o002, 'w'));
    s.push(match (m & 0o001 != 0, m & 0o1000 != 0) {
        (true, true) => 't',
        (false, true) => 'T',
        (true, false) => 'x',
        _ => '-',
    });
    Ok(pystr::new(vm, &s))
}
