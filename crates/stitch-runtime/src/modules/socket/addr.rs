//! Socket addresses: Python address objects (`'path'`, `(host, port)`,
//! `(host, port, flowinfo, scope_id)`) to `sockaddr` storage and back, and host
//! name resolution through getaddrinfo(3).

use std::ffi::{CStr, CString};
use std::mem::{size_of, zeroed};

use stitch_core::value::Value;

use crate::object::{bytes, int, str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

/// A socket address ready for the system calls.
pub struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub fn empty() -> SockAddr {
        // SAFETY: all-zero is a valid sockaddr_storage.
        SockAddr { storage: unsafe { zeroed() }, len: size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }
    pub fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }
    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

/// `socket.gaierror(code, gai_strerror(code))`.
pub fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static C string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    let t = vm.registry.get("_socket.gaierror").copied().unwrap_or(vm.exc.os_error);
    let m = pystr::new(vm, &msg);
    match vm.call(t, &[Value::small(code as i64), m]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// The IPv4 address of `host` ('' is INADDR_ANY, '<broadcast>' the broadcast address).
fn resolve_v4(vm: &mut Vm, host: &str) -> PyResult<[u8; 4]> {
    if host.is_empty() {
        return Ok([0; 4]);
    }
    if host == "<broadcast>" {
        return Ok([255; 4]);
    }
    if let Ok(a) = host.parse::<std::net::Ipv4Addr>() {
        return Ok(a.octets());
    }
    match resolve(vm, host, libc::AF_INET)? {
        Some(SockAddrIn::V4(a, _)) => Ok(a),
        _ => Err(gai_error(vm, libc::EAI_NONAME)),
    }
}

fn resolve_v6(vm: &mut Vm, host: &str) -> PyResult<[u8; 16]> {
    if host.is_empty() {
        return Ok([0; 16]);
    }
    if let Ok(a) = host.parse::<std::net::Ipv6Addr>() {
        return Ok(a.octets());
    }
    match resolve(vm, host, libc::AF_INET6)? {
        Some(SockAddrIn::V6(a, ..)) => Ok(a),
        _ => Err(gai_error(vm, libc::EAI_NONAME)),
    }
}

enum SockAddrIn {
    V4([u8; 4], u16),
    V6([u8; 16], u16, u32, u32),
}

/// The first address getaddrinfo gives for `host` in `family`.
fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<Option<SockAddrIn>> {
    let Ok(c) = CString::new(host) else {
        return Err(vm.type_error("host name must not contain null character"));
    };
    // SAFETY: hints zeroed then filled; res freed below.
    unsafe {
        let mut hints: libc::addrinfo = zeroed();
        hints.ai_family = family;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let r = libc::getaddrinfo(c.as_ptr(), std::ptr::null(), &hints, &mut res);
        if r != 0 {
            return Err(gai_error(vm, r));
        }
        let out = if res.is_null() { None } else { from_raw((*res).ai_addr, (*res).ai_addrlen) };
        libc::freeaddrinfo(res);
        Ok(out)
    }
}

/// # Safety
/// `sa` points to a socket address of `len` bytes.
unsafe fn from_raw(sa: *const libc::sockaddr, len: libc::socklen_t) -> Option<SockAddrIn> {
    if sa.is_null() {
        return None;
    }
    unsafe {
        match (*sa).sa_family as i32 {
            libc::AF_INET if len as usize >= size_of::<libc::sockaddr_in>() => {
                let s = &*(sa as *const libc::sockaddr_in);
                Some(SockAddrIn::V4(s.sin_addr.s_addr.to_ne_bytes(), u16::from_be(s.sin_port)))
            }
            libc::AF_INET6 if len as usize >= size_of::<libc::sockaddr_in6>() => {
                let s = &*(sa as *const libc::sockaddr_in6);
                Some(SockAddrIn::V6(
                    s.sin6_addr.s6_addr,
                    u16::from_be(s.sin6_port),
                    u32::from_be(s.sin6_flowinfo),
                    s.sin6_scope_id,
                ))
            }
            _ => None,
        }
    }
}

fn host_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    if let Some(s) = pystr::text_of(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = bytes::native(v) {
        return Ok(String::from_utf8_lossy(bytes::data(b)).into_owned());
    }
    Err(vm.type_error(format!("{what}: str, bytes or bytearray expected, not {}", vm.type_name(v))))
}

fn port_of(vm: &mut Vm, v: Value, caller: &str) -> PyResult<u16> {
    if v.is_float() || !(int::is_int(v) || v.is_bool()) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
    }
    let n = vm.index(v)?;
    match int::to_i64(n) {
        Some(p) if (0..=65535).contains(&p) => Ok(p as u16),
        _ => Err(vm.overflow_error(format!("{caller}(): port must be 0-65535."))),
    }
}

/// The sockaddr for address object `v` of a socket of `family` (`caller` names
/// the method in messages).
pub fn parse(vm: &mut Vm, family: i32, v: Value, caller: &str) -> PyResult<SockAddr> {
    let mut sa = SockAddr::empty();
    match family {
        libc::AF_UNIX => {
            let path: Vec<u8> = if let Some(s) = pystr::text_of(v) {
                s.as_bytes().to_vec()
            } else if let Some(b) = crate::modules::array::buffer::bytes_of(v) {
                b.to_vec()
            } else {
                return Err(vm.type_error(format!(
                    "{caller}(): AF_UNIX address must be str or bytes, not {}",
                    vm.type_name(v)
                )));
            };
            // SAFETY: storage is large enough for sockaddr_un.
            let un = unsafe { &mut *(sa.as_mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= un.sun_path.len() {
                return Err(vm.new_error(vm.exc.os_error, "AF_UNIX path too long"));
            }
            un.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in un.sun_path.iter_mut().zip(path.iter()) {
                *d = *s as libc::c_char;
            }
            let base = size_of::<libc::sa_family_t>();
            let extra = if path.first() == Some(&0) { 0 } else { 1 };
            sa.len = (base + path.len() + extra) as libc::socklen_t;
        }
        libc::AF_INET => {
            let Some(t) = tuple::native(v) else {
                return Err(vm.type_error(format!(
                    "{caller}(): AF_INET address must be tuple, not {}",
                    vm.type_name(v)
                )));
            };
            let items = tuple::items(t);
            if items.len() != 2 {
                return Err(vm.type_error("AF_INET address must be a pair (host, port)"));
            }
            let (h, p) = (items[0], items[1]);
            let host = host_str(vm, h, caller)?;
            let port = port_of(vm, p, caller)?;
            let ip = resolve_v4(vm, &host)?;
            // SAFETY: storage is large enough for sockaddr_in.
            let sin = unsafe { &mut *(sa.as_mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = port.to_be();
            sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
            sa.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
        }
        libc::AF_INET6 => {
            let Some(t) = tuple::native(v) else {
                return Err(vm.type_error(format!(
                    "{caller}(): AF_INET6 address must be tuple, not {}",
                    vm.type_name(v)
                )));
            };
            let items = tuple::items(t).to_vec();
            if !(2..=4).contains(&items.len()) {
                return Err(vm.type_error("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"));
            }
            let host = host_str(vm, items[0], caller)?;
            let port = port_of(vm, items[1], caller)?;
            let flow = match items.get(2) {
                Some(&f) => int::to_i64(vm.index(f)?).unwrap_or(-1),
                None => 0,
            };
            if !(0..=0xfffff).contains(&flow) {
                return Err(vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
            }
            let scope = match items.get(3) {
                Some(&f) => int::to_i64(vm.index(f)?).unwrap_or(0) as u32,
                None => 0,
            };
            let ip = resolve_v6(vm, &host)?;
            // SAFETY: storage is large enough for sockaddr_in6.
            let sin = unsafe { &mut *(sa.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin.sin6_port = port.to_be();
            sin.sin6_flowinfo = (flow as u32).to_be();
            sin.sin6_addr.s6_addr = ip;
            sin.sin6_scope_id = scope;
            sa.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        }
        _ => return Err(vm.new_error(vm.exc.os_error, format!("{caller}(): bad family"))),
    }
    Ok(sa)
}

/// The Python object for a socket address.
pub fn to_value(vm: &mut Vm, sa: &SockAddr) -> Value {
    if sa.len == 0 {
        return Value::NONE;
    }
    match sa.storage.ss_family as i32 {
        libc::AF_UNIX => {
            // SAFETY: the family says this is a sockaddr_un.
            let un = unsafe { &*(sa.as_ptr() as *const libc::sockaddr_un) };
            let base = size_of::<libc::sa_family_t>();
            let n = (sa.len as usize).saturating_sub(base).min(un.sun_path.len());
            let raw: Vec<u8> = un.sun_path[..n].iter().map(|c| *c as u8).collect();
            if raw.first() == Some(&0) {
                return bytes::new(vm, &raw);
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            let s = String::from_utf8_lossy(&raw[..end]).into_owned();
            pystr::new(vm, &s)
        }
        _ => {
            // SAFETY: storage holds an address of sa.len bytes.
            match unsafe { from_raw(sa.as_ptr(), sa.len) } {
                Some(SockAddrIn::V4(ip, port)) => {
                    let h = std::net::Ipv4Addr::from(ip).to_string();
                    let h = pystr::new(vm, &h);
                    tuple::new(vm, &[h, Value::small(port as i64)])
                }
                Some(SockAddrIn::V6(ip, port, flow, scope)) => {
                    let h = std::net::Ipv6Addr::from(ip).to_string();
                    let h = pystr::new(vm, &h);
                    tuple::new(vm, &[h, Value::small(port as i64), Value::small(flow as i64), Value::small(scope as i64)])
                }
                None => Value::NONE,
            }
        }
    }
}

/// `getaddrinfo(host, port, family, type, proto, flags)` as a list of 5-tuples.
pub fn getaddrinfo(
    vm: &mut Vm,
    host: Option<String>,
    port: Option<String>,
    hints: (i32, i32, i32, i32),
) -> PyResult<Vec<(i32, i32, i32, String, SockAddr)>> {
    let h = host.map(CString::new).transpose().map_err(|_| vm.value_error("embedded null character"))?;
    let p = port.map(CString::new).transpose().map_err(|_| vm.value_error("embedded null character"))?;
    let mut out = Vec::new();
    // SAFETY: hints zeroed then filled; the result list is freed below.
    unsafe {
        let mut hi: libc::addrinfo = zeroed();
        hi.ai_family = hints.0;
        hi.ai_socktype = hints.1;
        hi.ai_protocol = hints.2;
        hi.ai_flags = hints.3;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let r = libc::getaddrinfo(
            h.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hi,
            &mut res,
        );
        if r != 0 {
            if r == libc::EAI_SYSTEM {
                return Err(crate::modules::select::os_error(vm, crate::modules::select::errno()));
            }
            return Err(gai_error(vm, r));
        }
        let mut cur = res;
        while !cur.is_null() {
            let ai = &*cur;
            let mut sa = SockAddr::empty();
            let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
            std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, sa.as_mut_ptr() as *mut u8, n);
            sa.len = n as libc::socklen_t;
            let canon =
                if ai.ai_canonname.is_null() { String::new() } else { CStr::from_ptr(ai.ai_canonname).to_string_lossy().into_owned() };
            out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, sa));
            cur = ai.ai_next;
        }
        libc::freeaddrinfo(res);
    }
    Ok(out)
}
