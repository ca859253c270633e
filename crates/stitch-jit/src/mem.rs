//! Executable memory: mapped read-write, filled, then switched to read-execute
//! (never writable and executable at once); unmapped on drop.

use std::ptr::NonNull;

/// A mapped region holding finished machine code.
pub struct ExecMem {
    ptr: NonNull<u8>,
    len: usize,
}

// SAFETY: the region is immutable once built.
unsafe impl Send for ExecMem {}
unsafe impl Sync for ExecMem {}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 { p as usize } else { 4096 }
}

impl ExecMem {
    /// Maps `len` bytes read-write, lets `fill` write them (given their address), then
    /// makes them read-execute.
    pub fn new<E>(
        len: usize,
        fill: impl FnOnce(&mut [u8], usize) -> Result<(), E>,
    ) -> Result<ExecMem, Option<E>> {
        let page = page_size();
        let len = len.max(1).div_ceil(page) * page;
        // SAFETY: an anonymous private mapping; checked below.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(None);
        }
        let mem = ExecMem {
            ptr: NonNull::new(p as *mut u8).ok_or(None)?,
            len,
        };
        // SAFETY: the mapping is `len` bytes, writable, and ours alone.
        let buf = unsafe { std::slice::from_raw_parts_mut(mem.ptr.as_ptr(), len) };
        buf.fill(crate::x86_64::PAD);
        fill(buf, mem.ptr.as_ptr() as usize).map_err(Some)?;
        // SAFETY: the region is ours; after this it is never written again.
        if unsafe { libc::mprotect(p, len, libc::PROT_READ | libc::PROT_EXEC) } != 0 {
            return Err(None);
        }
        Ok(mem)
    }

    /// Overwrites `bytes` at `offset`: the pages are made read-write (not executable)
    /// for the write, then read-execute again. False if remapping failed.
    ///
    /// # Safety
    /// No thread executes these pages meanwhile; the bytes are valid code in place.
    pub unsafe fn patch(&self, offset: usize, bytes: &[u8]) -> bool {
        if offset + bytes.len() > self.len {
            return false;
        }
        let p = self.ptr.as_ptr() as *mut libc::c_void;
        // SAFETY: our own mapping; W and X are never both set.
        unsafe {
            if libc::mprotect(p, self.len, libc::PROT_READ | libc::PROT_WRITE) != 0 {
                return false;
            }
            std::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                self.ptr.as_ptr().add(offset),
                bytes.len(),
            );
            libc::mprotect(p, self.len, libc::PROT_READ | libc::PROT_EXEC) == 0
        }
    }

    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    pub fn bytes(&self) -> &[u8] {
        // SAFETY: mapped readable for `len` bytes while self lives.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for ExecMem {
    fn drop(&mut self) {
        // SAFETY: unmapping our own mapping.
        unsafe {
            libc::munmap(self.ptr.as_ptr() as *mut libc::c_void, self.len);
        }
    }
}
