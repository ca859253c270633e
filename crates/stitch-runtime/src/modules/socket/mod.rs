//! The `_socket` module (Linux): the socket type (`sock.rs`), addresses and
//! name resolution (`addr.rs`), `socketpair`, the default timeout, byte-order
//! and address conversions, the exceptions and the constants `socket.py` reads.

pub mod addr;
pub mod sock;

use stitch_core::value::Value;

use crate::builtins::args;
use crate::modules::select::{errno, os_error};
use crate::object::{bytes, dict, int, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_NETLINK", libc::AF_NETLINK as i64),
    ("AF_PACKET", libc::AF_PACKET as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_RDM", libc::SOCK_RDM as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SOL_IP", libc::SOL_IP as i64),
    ("SOL_TCP", libc::SOL_TCP as i64),
    ("SOL_UDP", libc::SOL_UDP as i64),
    ("SO_DEBUG", libc::SO_DEBUG as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SO_PEERCRED", libc::SO_PEERCRED as i64),
    ("SO_PASSCRED", libc::SO_PASSCRED as i64),
    ("SOMAXCONN", 4096),
    ("SCM_RIGHTS", libc::SCM_RIGHTS as i64),
    ("SCM_CREDENTIALS", libc::SCM_CREDENTIALS as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC as i64),
    ("MSG_CONFIRM", libc::MSG_CONFIRM as i64),
    ("MSG_ERRQUEUE", libc::MSG_ERRQUEUE as i64),
    ("MSG_MORE", libc::MSG_MORE as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_ICMPV6", libc::IPPROTO_ICMPV6 as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IP_TOS", libc::IP_TOS as i64),
    ("IP_TTL", libc::IP_TTL as i64),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("IPV6_JOIN_GROUP", libc::IPV6_ADD_MEMBERSHIP as i64),
    ("IPV6_LEAVE_GROUP", libc::IPV6_DROP_MEMBERSHIP as i64),
    ("IPV6_MULTICAST_HOPS", libc::IPV6_MULTICAST_HOPS as i64),
    ("IPV6_MULTICAST_LOOP", libc::IPV6_MULTICAST_LOOP as i64),
    ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("TCP_QUICKACK", libc::TCP_QUICKACK as i64),
    ("TCP_FASTOPEN", libc::TCP_FASTOPEN as i64),
    ("TCP_USER_TIMEOUT", libc::TCP_USER_TIMEOUT as i64),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 0xffff_ffff),
    ("INADDR_LOOPBACK", 0x7f00_0001),
    ("INADDR_NONE", 0xffff_ffff),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_MEMORY", libc::EAI_MEMORY as i64),
    ("EAI_NODATA", -5),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("EAI_SYSTEM", libc::EAI_SYSTEM as i64),
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_socket");
    crate::modules::util::add_ints(vm, m, CONSTANTS);
    let t = sock::socket_type(vm);
    module::set(vm, m, "socket", t);
    module::set(vm, m, "SocketType", t);
    let oe = vm.exc.os_error;
    module::set(vm, m, "error", oe);
    let te = vm.exc.timeout_error;
    module::set(vm, m, "timeout", te);
    for name in ["herror", "gaierror"] {
        let e = make_exc(vm, name, oe)?;
        let key: &'static str = if name == "herror" { "_socket.herror" } else { "_socket.gaierror" };
        vm.registry.insert(key, e);
        module::set(vm, m, name, e);
    }
    module::set(vm, m, "has_ipv6", Value::TRUE);
    crate::modules::util::add_fns(
        vm,
        m,
        &[
            ("socketpair", socketpair),
            ("getdefaulttimeout", getdefaulttimeout),
            ("setdefaulttimeout", setdefaulttimeout),
            ("gethostname", gethostname),
            ("gethostbyname", gethostbyname),
            ("getaddrinfo", getaddrinfo),
            ("inet_aton", inet_aton),
            ("inet_ntoa", inet_ntoa),
            ("inet_pton", inet_pton),
            ("inet_ntop", inet_ntop),
            ("htons", htons),
            ("ntohs", htons),
            ("htonl", htonl),
            ("ntohl", htonl),
            ("dup", dup),
            ("close", close),
        ],
    );
    Ok(m)
}

fn make_exc(vm: &mut Vm, name: &str, base: Value) -> PyResult<Value> {
    let n = pystr::new(vm, name);
    let bases = tuple::new(vm, &[base]);
    let d = dict::new(vm);
    let modname = pystr::new(vm, "socket");
    dict::set_str(d, vm.names.module, modname);
    vm.call(vm.types.type_, &[n, bases, d])
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    match int::to_i64(n) {
        Some(x) if (i32::MIN as i64..=i32::MAX as i64).contains(&x) => Ok(x as i32),
        _ => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}

fn socketpair(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = args::Sig::positional("socketpair", &["family", "type", "proto"], 0);
    let [family, ty, proto] = args::parse::<3>(vm, a, &sig)?;
    let family = if family.is_null() || family.is_none() { libc::AF_UNIX } else { int_arg(vm, family)? };
    let ty = if ty.is_null() { libc::SOCK_STREAM } else { int_arg(vm, ty)? };
    let proto = if proto.is_null() { 0 } else { int_arg(vm, proto)? };
    let mut fds = [0i32; 2];
    // SAFETY: fds has room for two descriptors.
    if unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_error(vm, errno()));
    }
    let t = vm.registry[sock::TYPE];
    let x = sock::new_socket(vm, t, fds[0], family, ty, proto);
    let y = sock::new_socket(vm, t, fds[1], family, ty, proto);
    Ok(tuple::new(vm, &[x, y]))
}

fn getdefaulttimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getdefaulttimeout", 0, 0)?;
    let t = sock::default_timeout(vm);
    Ok(if t < 0.0 { Value::NONE } else { Value::from_f64(t) })
}

fn setdefaulttimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "setdefaulttimeout", 1, 1)?;
    let t = sock::timeout_arg(vm, a.pos[0])?;
    let v = if t < 0.0 { Value::NONE } else { Value::from_f64(t) };
    vm.registry.insert("_socket.defaulttimeout", v);
    Ok(Value::NONE)
}

fn gethostname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "gethostname", 0, 0)?;
    let mut buf = [0u8; 256];
    // SAFETY: buf has room for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut _, buf.len()) } < 0 {
        return Err(os_error(vm, errno()));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    let s = String::from_utf8_lossy(&buf[..end]).into_owned();
    Ok(pystr::new(vm, &s))
}

fn host_arg(vm: &mut Vm, v: Value, name: &str) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(s) = pystr::text_of(v) {
        return Ok(Some(s.to_string()));
    }
    if let Some(b) = bytes::native(v) {
        return Ok(Some(String::from_utf8_lossy(bytes::data(b)).into_owned()));
    }
    Err(vm.type_error(format!("{name}() argument 1 must be str, bytes or None, not {}", vm.type_name(v))))
}

fn gethostbyname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "gethostbyname", 1, 1)?;
    let host = host_arg(vm, a.pos[0], "gethostbyname")?.unwrap_or_default();
    let h = pystr::new(vm, &host);
    let target = tuple::new(vm, &[h, Value::small(0)]);
    let sa = addr::parse(vm, libc::AF_INET, target, "gethostbyname")?;
    let v = addr::to_value(vm, &sa);
    Ok(tuple::items(v).first().copied().unwrap_or(Value::NONE))
}

fn getaddrinfo(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = args::Sig::new("getaddrinfo", &["host", "port", "family", "type", "proto", "flags"], 2);
    let [host, port, family, ty, proto, flags] = args::parse::<6>(vm, a, &sig)?;
    let host = host_arg(vm, host, "getaddrinfo")?;
    let port = if port.is_none() {
        None
    } else if int::is_int(port) {
        let n = vm.index(port)?;
        Some(int::to_i64(n).unwrap_or(0).to_string())
    } else if let Some(s) = pystr::text_of(port) {
        Some(s.to_string())
    } else if let Some(b) = bytes::native(port) {
        Some(String::from_utf8_lossy(bytes::data(b)).into_owned())
    } else {
        return Err(vm.new_error(vm.exc.os_error, "Int or String expected"));
    };
    let mut h = [0i32; 4];
    for (i, v) in [family, ty, proto, flags].into_iter().enumerate() {
        if !v.is_null() {
            h[i] = int_arg(vm, v)?;
        }
    }
    let res = addr::getaddrinfo(vm, host, port, (h[0], h[1], h[2], h[3]))?;
    let l = list::new(vm, &[]);
    for (fam, st, pr, canon, sa) in res {
        let c = pystr::new(vm, &canon);
        let addr = addr::to_value(vm, &sa);
        let t = tuple::new(vm, &[Value::small(fam as i64), Value::small(st as i64), Value::small(pr as i64), c, addr]);
        list::push(list::vec(l), t);
    }
    Ok(l)
}

fn inet_aton(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "inet_aton", 1, 1)?;
    let Some(s) = pystr::text_of(a.pos[0]) else {
        return Err(vm.type_error(format!("inet_aton() argument 1 must be str, not {}", vm.type_name(a.pos[0]))));
    };
    match parse_aton(s) {
        Some(ip) => Ok(bytes::new(vm, &ip.to_be_bytes())),
        None => Err(vm.new_error(vm.exc.os_error, "illegal IP address string passed to inet_aton")),
    }
}

/// inet_aton(3)'s forms: `a.b.c.d`, `a.b.c`, `a.b`, `a`, each part decimal,
/// octal (leading 0) or hex (0x); trailing whitespace ends the address.
fn parse_aton(s: &str) -> Option<u32> {
    let s = s.split(|c: char| c.is_ascii_whitespace()).next()?;
    let parts: Vec<&str> = s.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(4);
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let n = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        nums.push(n);
    }
    let last = *nums.last()?;
    let head = &nums[..nums.len() - 1];
    if head.iter().any(|n| *n > 255) || last >= 1u64 << (8 * (4 - head.len())) {
        return None;
    }
    let mut v: u64 = 0;
    for (i, n) in head.iter().enumerate() {
        v |= n << (24 - 8 * i);
    }
    Some((v | last) as u32)
}

fn inet_ntoa(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "inet_ntoa", 1, 1)?;
    let b = crate::modules::array::buffer::read(vm, a.pos[0])?;
    let Ok(ip) = <[u8; 4]>::try_from(b) else {
        return Err(vm.new_error(vm.exc.os_error, "packed IP wrong length for inet_ntoa"));
    };
    let s = std::net::Ipv4Addr::from(ip).to_string();
    Ok(pystr::new(vm, &s))
}

fn inet_pton(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "inet_pton", 2, 2)?;
    let family = int_arg(vm, a.pos[0])?;
    let Some(s) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!("inet_pton() argument 2 must be str, not {}", vm.type_name(a.pos[1]))));
    };
    let bad = |vm: &mut Vm| vm.new_error(vm.exc.os_error, "illegal IP address string passed to inet_pton");
    match family {
        libc::AF_INET => match s.parse::<std::net::Ipv4Addr>() {
            Ok(ip) => Ok(bytes::new(vm, &ip.octets())),
            Err(_) => Err(bad(vm)),
        },
        libc::AF_INET6 => match s.parse::<std::net::Ipv6Addr>() {
            Ok(ip) => Ok(bytes::new(vm, &ip.octets())),
            Err(_) => Err(bad(vm)),
        },
        _ => Err(os_error(vm, libc::EAFNOSUPPORT)),
    }
}

fn inet_ntop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "inet_ntop", 2, 2)?;
    let family = int_arg(vm, a.pos[0])?;
    let b = crate::modules::array::buffer::read(vm, a.pos[1])?.to_vec();
    let s = match family {
        libc::AF_INET => match <[u8; 4]>::try_from(b.as_slice()) {
            Ok(ip) => std::net::Ipv4Addr::from(ip).to_string(),
            Err(_) => return Err(vm.value_error("invalid length of packed IP address string")),
        },
        libc::AF_INET6 => match <[u8; 16]>::try_from(b.as_slice()) {
            Ok(ip) => std::net::Ipv6Addr::from(ip).to_string(),
            Err(_) => return Err(vm.value_error("invalid length of packed IP address string")),
        },
        _ => return Err(vm.value_error(format!("unknown address family {family}"))),
    };
    Ok(pystr::new(vm, &s))
}

fn unsigned_arg(vm: &mut Vm, a: &Args, name: &str, bits: u32) -> PyResult<u64> {
    args::count(vm, a, name, 1, 1)?;
    let v = a.pos[0];
    if v.is_float() || !(int::is_int(v) || v.is_bool()) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
    }
    let n = vm.index(v)?;
    if int::signum(n) < 0 {
        return Err(vm.overflow_error(format!(
            "{name}: can't convert negative Python int to C {bits}-bit unsigned integer"
        )));
    }
    match int::to_i64(n) {
        Some(x) if (x as u64) < (1u64 << bits) => Ok(x as u64),
        _ => Err(vm.overflow_error(format!("{name}: Python int too large to convert to C {bits}-bit unsigned integer"))),
    }
}

fn htons(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unsigned_arg(vm, a, "htons", 16)? as u16;
    Ok(Value::small(x.swap_bytes() as i64))
}

fn htonl(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "htonl", 1, 1)?;
    let v = a.pos[0];
    if v.is_float() || !(int::is_int(v) || v.is_bool()) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
    }
    let n = vm.index(v)?;
    if int::signum(n) < 0 {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let x = match int::to_i64(n) {
        Some(x) if x < 1 << 32 => x as u32,
        Some(_) => return Err(vm.overflow_error("int larger than 32 bits")),
        None if int::to_bigint(n) < num_bigint::BigInt::from(1u128 << 64) => {
            return Err(vm.overflow_error("int larger than 32 bits"));
        }
        None => return Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
    };
    Ok(int::from_u64(vm, x.swap_bytes() as u64))
}

fn dup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "dup", 1, 1)?;
    let fd = int_arg(vm, a.pos[0])?;
    // SAFETY: plain syscall.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::small(r as i64))
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "close", 1, 1)?;
    let fd = int_arg(vm, a.pos[0])?;
    // SAFETY: closing a caller-named descriptor.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::NONE)
}
