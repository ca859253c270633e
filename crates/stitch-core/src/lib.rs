//! Stitch's core: what the interpreter and the JIT stencils share, with no
//! dependency on `std` so that stencils can be compiled from it.
//!
//! - [`value`]: NaN-boxed values;
//! - [`layout`]: heap object layouts the micro-ops read;
//! - [`frame`]: the frame layout;
//! - [`env`]: the interface micro-ops run against, and the runtime helpers;
//! - [`uops`]: the micro-op definitions, the one place instruction semantics live;
//! - [`instr`]: the tier-1 instruction set as compositions of micro-ops.
#![cfg_attr(not(test), no_std)]

pub mod env;
pub mod frame;
pub mod instr;
pub mod layout;
pub mod uops;
pub mod value;

pub use value::Value;
