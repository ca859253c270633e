//! The heap: size-class arenas for small objects, individual blocks for large ones,
//! and the lookup that turns an arbitrary word into the object containing it (for
//! conservative scanning of the native stack).

use std::alloc::{Layout, alloc_zeroed, dealloc};
use std::collections::{BTreeMap, HashMap};

use stitch_core::layout::{Header, Kind};

/// Arena chunks are this size and aligned to it.
pub const CHUNK_SIZE: usize = 256 * 1024;
/// Object sizes served from arenas; bigger objects are allocated alone.
const SIZE_CLASSES: [usize; 16] = [
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
];
pub const MAX_SMALL: usize = 512;
/// How far ahead of the slot it examines the sweep loads.
const PREFETCH_AHEAD: usize = 1024;

struct Chunk {
    base: usize,
    class: usize,
    /// First slot address (after nothing: chunks have no in-band header).
    nslots: usize,
}

pub struct Heap {
    free: [*mut Header; SIZE_CLASSES.len()],
    chunks: Vec<Chunk>,
    chunk_of: HashMap<usize, usize>,
    large: BTreeMap<usize, usize>,
    /// Bytes allocated since the last collection.
    pub allocated: usize,
    /// Bytes live after the last collection (estimate).
    pub live: usize,
    pub threshold: usize,
    /// The least allocation between two collections.
    pub floor: usize,
}

/// The size class serving `size` bytes (`SIZE_CLASSES.len()` for large objects).
#[inline(always)]
fn class_of(size: usize) -> usize {
    /// Size class by `ceil(size / 16)`, for sizes up to `MAX_SMALL`.
    const BY_16: [u8; MAX_SMALL / 16 + 1] = {
        let mut t = [0u8; MAX_SMALL / 16 + 1];
        let mut i = 0;
        while i < t.len() {
            let mut c = 0;
            while SIZE_CLASSES[c] < i * 16 {
                c += 1;
            }
            t[i] = c as u8;
            i += 1;
        }
        t
    };
    if size <= MAX_SMALL {
        BY_16[size.div_ceil(16)] as usize
    } else {
        SIZE_CLASSES.len()
    }
}

impl Heap {
    pub fn new() -> Heap {
        let floor = 16 * 1024 * 1024;
        Heap {
            free: [std::ptr::null_mut(); SIZE_CLASSES.len()],
            chunks: Vec::new(),
            chunk_of: HashMap::new(),
            large: BTreeMap::new(),
            allocated: 0,
            live: 0,
            threshold: floor,
            floor,
        }
    }

    /// True when the next allocation should collect first, given the bytes
    /// allocated outside the heap since the last collection.
    #[inline]
    pub fn wants_collection(&self, external: usize) -> bool {
        self.allocated + external >= self.threshold
    }

    /// Allocates `size` bytes of zeroed object memory. The caller writes the header.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> *mut Header {
        let p = self.alloc_uninit(size);
        let c = class_of(size.max(16));
        // Large blocks come zeroed.
        if c < SIZE_CLASSES.len() {
            // SAFETY: the slot has room for its class's size.
            unsafe { std::ptr::write_bytes(p as *mut u8, 0, SIZE_CLASSES[c]) };
        }
        p
    }

    /// Allocates `size` bytes of object memory holding garbage: the caller writes a
    /// complete object of `size` bytes at once.
    #[inline]
    pub fn alloc_uninit(&mut self, size: usize) -> *mut Header {
        let size = size.max(16);
        self.allocated += size;
        let c = class_of(size);
        if c == SIZE_CLASSES.len() {
            return self.alloc_large(size);
        }
        if self.free[c].is_null() {
            self.new_chunk(c);
        }
        let p = self.free[c];
        // SAFETY: free slots hold the next free slot in their `ty` field.
        unsafe {
            let next = (*p).ty as *mut Header;
            self.free[c] = next;
            // The next allocation of this class reads that slot: start loading it.
            #[cfg(target_arch = "x86_64")]
            if !next.is_null() {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    next as *const i8,
                );
            }
        }
        p
    }

    #[inline(never)]
    fn alloc_large(&mut self, size: usize) -> *mut Header {
        let layout = Layout::from_size_align(size, 16).expect("object size fits a layout");
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { alloc_zeroed(layout) };
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        self.large.insert(p as usize, size);
        p as *mut Header
    }

    #[inline(never)]
    fn new_chunk(&mut self, c: usize) {
        let layout = Layout::from_size_align(CHUNK_SIZE, CHUNK_SIZE).expect("chunk layout");
        // SAFETY: non-zero size.
        let base = unsafe { alloc_zeroed(layout) };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let size = SIZE_CLASSES[c];
        let nslots = CHUNK_SIZE / size;
        // Thread the free list through the slots, lowest address first.
        let mut next: *mut Header = self.free[c];
        for i in (0..nslots).rev() {
            let p = unsafe { base.add(i * size) } as *mut Header;
            // SAFETY: p is inside the fresh chunk; zeroed memory is a valid Free header.
            unsafe {
                (*p).kind = Kind::Free;
                (*p).ty = next as *mut _;
            }
            next = p;
        }
        self.free[c] = next;
        self.chunk_of.insert(base as usize, self.chunks.len());
        self.chunks.push(Chunk {
            base: base as usize,
            class: c,
            nslots,
        });
    }

    /// The allocated object containing address `addr`, if any.
    pub fn find(&self, addr: usize) -> Option<*mut Header> {
        let base = addr & !(CHUNK_SIZE - 1);
        if let Some(&ci) = self.chunk_of.get(&base) {
            let ch = &self.chunks[ci];
            let size = SIZE_CLASSES[ch.class];
            let i = (addr - base) / size;
            if i >= ch.nslots {
                return None;
            }
            let p = (base + i * size) as *mut Header;
            // SAFETY: p is a slot of a live chunk.
            if unsafe { (*p).kind } == Kind::Free {
                return None;
            }
            return Some(p);
        }
        let (&start, &size) = self.large.range(..=addr).next_back()?;
        if addr < start + size {
            Some(start as *mut Header)
        } else {
            None
        }
    }

    /// Frees every unmarked object (calling `finalize` on it first) and clears the
    /// marks of the others. Returns the bytes still live, counting what `external`
    /// says each survivor holds outside the heap.
    pub fn sweep(
        &mut self,
        mut finalize: impl FnMut(*mut Header),
        external: impl Fn(*mut Header) -> usize,
    ) -> usize {
        let mut live = 0;
        for ci in 0..self.chunks.len() {
            let (base, c, nslots) = {
                let ch = &self.chunks[ci];
                (ch.base, ch.class, ch.nslots)
            };
            let size = SIZE_CLASSES[c];
            #[cfg(target_arch = "x86_64")]
            let end = base + CHUNK_SIZE;
            for i in 0..nslots {
                let p = (base + i * size) as *mut Header;
                // The walk is memory-bound: load ahead (across page boundaries,
                // where the hardware prefetcher stops).
                #[cfg(target_arch = "x86_64")]
                if (p as usize) + PREFETCH_AHEAD < end {
                    // SAFETY: a prefetch of an address inside the chunk.
                    unsafe {
                        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                            (p as *const i8).add(PREFETCH_AHEAD),
                        )
                    };
                }
                // SAFETY: p is a slot of a live chunk.
                unsafe {
                    if (*p).kind == Kind::Free {
                        continue;
                    }
                    if (*p).gc != 0 {
                        (*p).gc = 0;
                        live += size + external(p);
                        continue;
                    }
                    finalize(p);
                    // `alloc` zeroes the slot again; only the kind must say free.
                    (*p).kind = Kind::Free;
                    (*p).ty = self.free[c] as *mut _;
                    self.free[c] = p;
                }
            }
        }
        let mut dead = Vec::new();
        for (&a, &s) in &self.large {
            let p = a as *mut Header;
            // SAFETY: large blocks hold a live header until freed.
            unsafe {
                if (*p).gc != 0 {
                    (*p).gc = 0;
                    live += s + external(p);
                } else {
                    dead.push((a, s));
                }
            }
        }
        for (a, s) in dead {
            finalize(a as *mut Header);
            self.large.remove(&a);
            // SAFETY: allocated with this layout in `alloc`.
            unsafe {
                dealloc(
                    a as *mut u8,
                    Layout::from_size_align(s, 16).expect("layout"),
                )
            };
        }
        live
    }

    /// Calls `f` on every allocated object.
    pub fn for_each(&self, mut f: impl FnMut(*mut Header)) {
        for ch in &self.chunks {
            let size = SIZE_CLASSES[ch.class];
            for i in 0..ch.nslots {
                let p = (ch.base + i * size) as *mut Header;
                // SAFETY: p is a slot of a live chunk.
                if unsafe { (*p).kind } != Kind::Free {
                    f(p);
                }
            }
        }
        for &a in self.large.keys() {
            f(a as *mut Header);
        }
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}
