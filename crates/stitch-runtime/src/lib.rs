//! The Stitch runtime: the heap and collector ([`gc`]), the object model
//! ([`object`]), the tier-1 interpreter and the object protocol ([`vm`]), the
//! builtins ([`builtins`]), native modules ([`modules`]), text formatting
//! ([`text`]), imports ([`import`]) and running programs ([`run`]).

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
