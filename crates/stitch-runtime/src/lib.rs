//! The Stitch runtime: the heap and collector ([`gc`]), the object model
//! ([`object`]), the tier-1 interpreter and the object protocol ([`vm`]), the
//! builtins ([`builtins`]), native modules ([`modules`]), text formatting
//! ([`text`]), imports ([`import`]) and running programs ([`run`]).
// Runtime entry points called from micro-ops and the interpreter receive raw
// pointers into the VM's value and frame stacks by design (the `Helpers` contract in
// stitch-core's env.rs says what they may point at); marking each of them `unsafe`
// would only move the same contract into every call site of the generated glue.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub mod builtins;
pub mod gc;
pub mod import;
pub mod jit;
pub mod modules;
pub mod object;
pub mod run;
pub mod signals;
pub mod stdlib;
pub mod text;
pub mod vm;

pub use vm::{Options, Vm};
