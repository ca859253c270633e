//! Text formatting and encoding: `%`-formatting, the format-spec mini-language and
//! `str.format`, and the codecs.

pub mod codecs;
pub mod format;
pub mod percent;
