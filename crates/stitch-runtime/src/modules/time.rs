//! The `time` module: clocks (`time`, `perf_counter`, `monotonic`, `process_time`
//! and their `_ns` forms), `sleep` (interruptible by SIGINT), `struct_time` with
//! `localtime`/`gmtime`/`mktime`, `strftime` (through the C library),
//! `asctime`/`ctime`, the timezone constants, and `strptime` (through `_strptime`).

use stitch_core::value::Value;

use super::structseq;
use super::util::{add_fns, add_ints};
use crate::builtins::args;
use crate::object::{float, int, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "time");
    vm.gc_paused += 1;
    add_fns(
        vm,
        m,
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("clock_gettime", clock_gettime),
            ("clock_gettime_ns", clock_gettime_ns),
            ("clock_getres", clock_getres),
            ("sleep", sleep),
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("mktime", mktime),
            ("strftime", strftime),
            ("strptime", strptime),
            ("asctime", asctime),
            ("ctime", ctime),
            ("get_clock_info", get_clock_info),
            ("tzset", tzset),
        ],
    );
    add_ints(
        vm,
        m,
        &[
            ("CLOCK_REALTIME", libc::CLOCK_REALTIME as i64),
            ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC as i64),
            ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW as i64),
            (
                "CLOCK_PROCESS_CPUTIME_ID",
                libc::CLOCK_PROCESS_CPUTIME_ID as i64,
            ),
            (
                "CLOCK_THREAD_CPUTIME_ID",
                libc::CLOCK_THREAD_CPUTIME_ID as i64,
            ),
            ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME as i64),
            ("CLOCK_TAI", 11),
            ("_STRUCT_TM_ITEMS", 11),
        ],
    );
    let st = structseq::new_type(vm, "time", "struct_time", &FIELDS, 9, true);
    module::set(vm, m, "struct_time", st);
    vm.registry.insert("time.struct_time", st);
    set_timezone(vm, m);
    vm.gc_paused -= 1;
    Ok(m)
}

fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out pointer.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn secs(clock: libc::clockid_t) -> Value {
    let ns = clock_ns(clock);
    Value::from_f64(ns as f64 / 1e9)
}

fn ns_value(vm: &mut Vm, clock: libc::clockid_t) -> Value {
    let ns = clock_ns(clock);
    int::from_i64(vm, ns as i64)
}

fn time(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "time", 0, 0)?;
    Ok(secs(libc::CLOCK_REALTIME))
}

fn time_ns(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "time_ns", 0, 0)?;
    Ok(ns_value(vm, libc::CLOCK_REALTIME))
}

fn monotonic(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "monotonic", 0, 0)?;
    Ok(secs(libc::CLOCK_MONOTONIC))
}

fn monotonic_ns(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "monotonic_ns", 0, 0)?;
    Ok(ns_value(vm, libc::CLOCK_MONOTONIC))
}

fn process_time(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "process_time", 0, 0)?;
    Ok(secs(libc::CLOCK_PROCESS_CPUTIME_ID))
}

fn process_time_ns(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "process_time_ns", 0, 0)?;
    Ok(ns_value(vm, libc::CLOCK_PROCESS_CPUTIME_ID))
}

fn thread_time(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "thread_time", 0, 0)?;
    Ok(secs(libc::CLOCK_THREAD_CPUTIME_ID))
}

fn thread_time_ns(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "thread_time_ns", 0, 0)?;
    Ok(ns_value(vm, libc::CLOCK_THREAD_CPUTIME_ID))
}

fn clock_id(vm: &mut Vm, a: &Args, name: &str) -> PyResult<libc::clockid_t> {
    args::count(vm, a, name, 1, 1)?;
    let id = vm.index_value(a.pos[0])?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out pointer.
    if unsafe { libc::clock_gettime(id as libc::clockid_t, &mut ts) } != 0 {
        let e = vm.new_error(vm.exc.os_error, "[Errno 22] Invalid argument");
        return Err(e);
    }
    Ok(id as libc::clockid_t)
}

fn clock_gettime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let id = clock_id(vm, a, "clock_gettime")?;
    Ok(secs(id))
}

fn clock_gettime_ns(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let id = clock_id(vm, a, "clock_gettime_ns")?;
    Ok(ns_value(vm, id))
}

fn clock_getres(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let id = clock_id(vm, a, "clock_getres")?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out pointer.
    unsafe { libc::clock_getres(id, &mut ts) };
    Ok(Value::from_f64(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// A number of seconds as f64 (`sleep`): CPython's conversion and messages.
fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        let x = v.as_f64();
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if x.abs() > 9.2e9 {
            return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
        }
        return Ok(x);
    }
    if let Some(x) = float::as_f64(vm, v)
        .ok()
        .flatten()
        .filter(|_| int::is_int(v))
    {
        if x.abs() > 9.2e9 {
            return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
        }
        return Ok(x);
    }
    if vm.lookup_special(v, vm.names.float).is_some()
        && vm.lookup_special(v, vm.names.index).is_none()
    {
        let f = vm
            .call_special(v, vm.names.float, &[])?
            .unwrap_or(Value::NONE);
        if f.is_float() {
            return seconds_arg(vm, f);
        }
    }
    let i = vm.index(v)?;
    seconds_arg(vm, i)
}

fn sleep(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "sleep", 1, 1)?;
    let s = seconds_arg(vm, a.pos[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let deadline = clock_ns(libc::CLOCK_MONOTONIC) + (s * 1e9) as i128;
    loop {
        let left = deadline - clock_ns(libc::CLOCK_MONOTONIC);
        if left <= 0 {
            break;
        }
        let ts = libc::timespec {
            tv_sec: (left / 1_000_000_000) as libc::time_t,
            tv_nsec: (left % 1_000_000_000) as libc::c_long,
        };
        // SAFETY: valid timespec; the remainder is not needed.
        let r = unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
        if r != 0 && crate::signals::pending() {
            crate::signals::handle_pending(vm)?;
        }
    }
    Ok(Value::NONE)
}

/// A timestamp argument as time_t (None: now), rounded toward minus infinity.
fn time_t_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    let v = match v {
        None => return Ok((clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as i64),
        Some(v) if v.is_none() || v.is_null() => {
            return Ok((clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as i64);
        }
        Some(v) => v,
    };
    if v.is_float() {
        let x = v.as_f64();
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = x.floor();
        if !(-9.2e18..9.2e18).contains(&f) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(f as i64);
    }
    let i = vm.index(v)?;
    match int::to_i64(i) {
        Some(x) => Ok(x),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: tm is plain old data; all zero is a valid value.
    unsafe { std::mem::zeroed() }
}

fn tm_to_struct(vm: &mut Vm, tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        Value::NONE
    } else {
        // SAFETY: tm_zone points to a NUL-terminated string owned by libc.
        let z = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned();
        pystr::new(vm, &z)
    };
    let gmtoff = int::from_i64(vm, tm.tm_gmtoff);
    let vals = [
        int::from_i64(vm, tm.tm_year as i64 + 1900),
        Value::small(tm.tm_mon as i64 + 1),
        Value::small(tm.tm_mday as i64),
        Value::small(tm.tm_hour as i64),
        Value::small(tm.tm_min as i64),
        Value::small(tm.tm_sec as i64),
        Value::small((tm.tm_wday as i64 + 6) % 7),
        Value::small(tm.tm_yday as i64 + 1),
        Value::small(tm.tm_isdst as i64),
        zone,
        gmtoff,
    ];
    let st = struct_time_type(vm);
    structseq::new(vm, st, &vals)
}

fn struct_time_type(vm: &mut Vm) -> Value {
    vm.registry
        .get("time.struct_time")
        .copied()
        .unwrap_or(Value::NONE)
}

fn convert(vm: &mut Vm, a: &Args, name: &str, local: bool) -> PyResult<Value> {
    args::count(vm, a, name, 0, 1)?;
    let t = time_t_arg(vm, a.pos.first().copied())?;
    let mut tm = zeroed_tm();
    let tt = t as libc::time_t;
    // SAFETY: valid pointers to a time_t and a tm.
    let r = unsafe {
        if local {
            libc::localtime_r(&tt, &mut tm)
        } else {
            libc::gmtime_r(&tt, &mut tm)
        }
    };
    if r.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm_to_struct(vm, &tm))
}

fn gmtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "gmtime", false)
}

fn localtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "localtime", true)
}

/// A C `struct tm` from a 9-tuple or struct_time (the zone string is returned
/// separately so it outlives the call).
fn tm_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<(libc::tm, Option<std::ffi::CString>)> {
    let items = match tuple::native(v).or_else(|| {
        if v.is_kind(stitch_core::layout::Kind::Tuple) {
            Some(v)
        } else {
            None
        }
    }) {
        Some(t) => tuple::items(t).to_vec(),
        None => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        if x.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let iv = vm.index(*x)?;
        n[i] = match int::to_i64(iv) {
            Some(v) if i == 0 || (i32::MIN as i64..=i32::MAX as i64).contains(&v) => v,
            _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
        };
    }
    let mut tm = zeroed_tm();
    if n[0] - 1900 > i32::MAX as i64 || n[0] - 1900 < i32::MIN as i64 {
        return Err(vm.overflow_error("year out of range"));
    }
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    // C's remainder: a weekday below -1 stays negative (and is rejected).
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    let mut zone = None;
    let st = struct_time_type(vm);
    if vm.type_of(v) == st {
        let z = vm.getattr_str(v, "tm_zone")?;
        if let Some(s) = pystr::text_of(z) {
            zone = std::ffi::CString::new(s).ok();
        }
        let off = vm.getattr_str(v, "tm_gmtoff")?;
        if let Some(o) = int::to_i64(off) {
            tm.tm_gmtoff = o;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// CPython's `checktm` range checks (after the strftime adjustments).
fn check_tm(vm: &mut Vm, tm: &mut libc::tm, wday_raw_negative: bool) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if wday_raw_negative {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

fn now_local() -> libc::tm {
    let t = (clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t;
    let mut tm = zeroed_tm();
    // SAFETY: valid pointers.
    unsafe { libc::localtime_r(&t, &mut tm) };
    tm
}

fn strftime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "strftime", 1, 2)?;
    let Some(fmt) = pystr::text_of(a.pos[0]) else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(a.pos[0])
        )));
    };
    let fmt = fmt.to_string();
    let (mut tm, _zone) = match a.pos.get(1) {
        Some(&t) => {
            let (tm, z) = tm_arg(vm, t, "strftime")?;
            (tm, z)
        }
        None => (now_local(), None),
    };
    let wneg = tm.tm_wday < 0;
    check_tm(vm, &mut tm, wneg)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let out = c_strftime(&fmt, &tm);
    Ok(pystr::new(vm, &out))
}

/// Formats with the C library's strftime, growing the buffer as needed.
fn c_strftime(fmt: &str, tm: &libc::tm) -> String {
    if fmt.is_empty() {
        return String::new();
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt) else {
        return String::new();
    };
    let mut size = 1024.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` bytes; cfmt and tm are valid.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                tm,
            )
        };
        if n > 0 || size > 256 * fmt.len() + 4096 {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 2;
    }
}

fn mktime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "mktime", 1, 1)?;
    let (mut tm, _z) = tm_arg(vm, a.pos[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: tm is a valid struct tm.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::from_f64(t as f64))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn format_asctime(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "asctime", 0, 1)?;
    let mut tm = match a.pos.first() {
        Some(&t) => tm_arg(vm, t, "asctime")?.0,
        None => now_local(),
    };
    let wneg = tm.tm_wday < 0;
    check_tm(vm, &mut tm, wneg)?;
    let s = format_asctime(&tm);
    Ok(pystr::new(vm, &s))
}

fn ctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "ctime", 0, 1)?;
    let t = time_t_arg(vm, a.pos.first().copied())? as libc::time_t;
    let mut tm = zeroed_tm();
    // SAFETY: valid pointers.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    let s = format_asctime(&tm);
    Ok(pystr::new(vm, &s))
}

fn strptime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = crate::import::import_module(vm, "_strptime")?;
    let f = vm.getattr_str(m, "_strptime_time")?;
    vm.call_kw(f, a)
}

fn get_clock_info(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "get_clock_info", 1, 1)?;
    let name = pystr::text_of(a.pos[0]).unwrap_or("").to_string();
    let (imp, mono, adj) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let i = pystr::new(vm, imp);
    Ok(super::namespace::new(
        vm,
        &[
            ("implementation", i),
            ("monotonic", Value::from_bool(mono)),
            ("adjustable", Value::from_bool(adj)),
            ("resolution", Value::from_f64(1e-9)),
        ],
    ))
}

unsafe extern "C" {
    #[link_name = "tzset"]
    fn c_tzset();
}

fn tzset_fn(vm: &mut Vm) {
    // SAFETY: tzset only reads the environment.
    unsafe { c_tzset() };
    let m = crate::import::import_module(vm, "time");
    if let Ok(m) = m {
        set_timezone(vm, m);
    }
}

fn tzset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "tzset", 0, 0)?;
    tzset_fn(vm);
    Ok(Value::NONE)
}

/// `timezone`, `altzone`, `daylight` and `tzname`, as CPython derives them from
/// the offsets in January and July of the current year.
fn set_timezone(vm: &mut Vm, m: Value) {
    let now = (clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t;
    let year_start = (now / (365 * 24 * 3600)) * (365 * 24 * 3600);
    let mut jan = zeroed_tm();
    let mut jul = zeroed_tm();
    let t_jan = year_start;
    let t_jul = year_start + (365 * 24 * 3600) / 2;
    // SAFETY: valid pointers.
    unsafe {
        libc::localtime_r(&t_jan, &mut jan);
        libc::localtime_r(&t_jul, &mut jul);
    }
    let zone = |tm: &libc::tm| {
        if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: libc's zone string is NUL-terminated.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        }
    };
    let (janoff, juloff) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (janname, julname) = (zone(&jan), zone(&jul));
    let (tz, alt, names) = if janoff < juloff {
        (juloff, janoff, (julname, janname))
    } else {
        (janoff, juloff, (janname, julname))
    };
    let tzv = int::from_i64(vm, tz);
    module::set(vm, m, "timezone", tzv);
    let altv = int::from_i64(vm, alt);
    module::set(vm, m, "altzone", altv);
    module::set(vm, m, "daylight", Value::small((janoff != juloff) as i64));
    let a = pystr::new(vm, &names.0);
    let b = pystr::new(vm, &names.1);
    let t = tuple::new(vm, &[a, b]);
    module::set(vm, m, "tzname", t);
}
