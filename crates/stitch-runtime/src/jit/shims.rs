//! `extern "C"` entry points for JIT code, one per runtime helper, generated from
//! `for_each_helper!`: `stitch_helper_<name>(regs, args...) -> Value`.
//!
//! `regs` is the interpreter state itself (`Interp` begins with `Regs`, checked in
//! `vm/interp.rs`), so each shim calls the very `Helpers` method the interpreter calls,
//! which saves the registers into the frame first. JIT code stores `sp`, `cur` and
//! `pc` into `regs` before the call and reloads `sp` after it.

use stitch_core::env::Helpers;
use stitch_core::frame::Regs;
use stitch_core::value::Value;

use crate::vm::interp::Interp;

macro_rules! shims {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> Value; )*) => {
        mod entry {
            use super::*;
            $(
                /// # Safety
                /// Called by JIT code with the running interpreter's registers.
                #[unsafe(export_name = concat!("stitch_helper_", stringify!($name)))]
                pub unsafe extern "C" fn $name(regs: *mut Regs, $($arg: $ty),*) -> Value {
                    // SAFETY: JIT code runs with `regs` pointing at the live `Interp`.
                    unsafe {
                        let interp = &mut *(regs as *mut Interp<'static>);
                        <Interp<'static> as Helpers>::$name(interp, $($arg),*)
                    }
                }
            )*
        }

        /// The shims' addresses, in `for_each_helper!` order.
        fn helper_addresses() -> Vec<usize> {
            vec![$(entry::$name as *const () as usize),*]
        }
    };
}
stitch_core::for_each_helper!(shims);

/// What compiled code needs from the runtime: the helper shims and the eval-breaker
/// flag.
pub fn runtime_table() -> stitch_jit::Runtime {
    stitch_jit::Runtime {
        helpers: helper_addresses(),
        pending_flag: crate::signals::breaker_flag(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_shim_per_helper() {
        let t = super::runtime_table();
        assert_eq!(t.helpers.len(), stitch_core::env::HELPER_NAMES.len());
        assert!(t.helpers.iter().all(|a| *a != 0));
    }
}
