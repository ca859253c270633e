//! The JIT's side of the runtime: the helper shims compiled code calls.

pub mod shims;
