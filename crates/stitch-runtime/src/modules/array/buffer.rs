//! The buffer protocol as the native modules see it: reading the bytes of a
//! bytes-like object (bytes, bytearray, array, memoryview when present) and
//! writing into a writable one, with CPython's messages.

use stitch_core::value::Value;

use super::Array;
use crate::modules::util::payload;
use crate::object::bytearray;
use crate::vm::{PyResult, Vm};

/// The bytes of a bytes-like object, if it is one. The slice must not be kept
/// across calls into Python code.
pub fn bytes_of(v: Value) -> Option<&'static [u8]> {
    if let Some(b) = crate::builtins::bytes::buffer_of(v) {
        return Some(b);
    }
    extra_bytes_of(v)
}

/// The bytes of the exporters other than bytes and bytearray: arrays and
/// contiguous memoryviews (`bytes::buffer_of` asks here too).
pub fn extra_bytes_of(v: Value) -> Option<&'static [u8]> {
    if let Some(a) = payload::<Array>(v) {
        return Some(a.bytes());
    }
    super::memoryview::view_bytes(v)
}

/// The bytes of a bytes-like argument, or "a bytes-like object is required".
pub fn read(vm: &mut Vm, v: Value) -> PyResult<&'static [u8]> {
    match bytes_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn writable(v: Value) -> bool {
    bytearray::native(v).is_some()
        || payload::<Array>(v).is_some()
        || super::memoryview::view_bytes_mut(v).is_some()
}

/// The length of a writable buffer argument, or CPython's TypeError.
pub fn writable_len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if writable(v) {
        return Ok(bytes_of(v).map(|b| b.len()).unwrap_or(0));
    }
    Err(vm.type_error(format!(
        "argument must be read-write bytes-like object, not {}",
        vm.type_name(v)
    )))
}

/// Copies `data` into the writable buffer `v` at `start` (the caller checked the bounds).
pub fn write(vm: &mut Vm, v: Value, start: usize, data: &[u8]) -> PyResult<()> {
    if let Some(b) = bytearray::native(v)
        && let Some(vec) = bytearray::vec_mut(b)
        && let Some(dst) = vec.get_mut(start..start + data.len())
    {
        dst.copy_from_slice(data);
        return Ok(());
    }
    if let Some(a) = payload::<Array>(v)
        && let Some(dst) = a.bytes_mut().get_mut(start..start + data.len())
    {
        dst.copy_from_slice(data);
        return Ok(());
    }
    if let Some(m) = super::memoryview::view_bytes_mut(v)
        && let Some(dst) = m.get_mut(start..start + data.len())
    {
        dst.copy_from_slice(data);
        return Ok(());
    }
    Err(vm.type_error(format!(
        "argument must be read-write bytes-like object, not {}",
        vm.type_name(v)
    )))
}

/// Whether a buffer of `n` bytes may be allocated: not more than the machine's
/// memory and swap together, which is where the kernel's default overcommit
/// policy refuses a single allocation (so CPython's malloc fails there), while
/// the runtime's allocator would reserve it and be killed when touching it.
pub fn can_allocate(n: usize) -> bool {
    static LIMIT: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    let limit = *LIMIT.get_or_init(|| {
        // SAFETY: an all-zero sysinfo is a valid out-buffer.
        let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
        // SAFETY: info is a valid out-buffer.
        if unsafe { libc::sysinfo(&mut info) } != 0 {
            return isize::MAX as u128;
        }
        let unit = u128::from(info.mem_unit.max(1));
        (u128::from(info.totalram) + u128::from(info.totalswap)) * unit
    });
    (n as u128) <= limit && n <= isize::MAX as usize
}

/// `n` zero bytes, or MemoryError when they cannot be allocated.
pub fn zeroed(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    if !can_allocate(n) {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    v.resize(n, 0);
    Ok(v)
}
