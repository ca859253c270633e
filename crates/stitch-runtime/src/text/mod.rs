//! Text formatting and encoding: `%`-formatting, the format-spec mini-language and
//! `str.format`, and the codecs.

pub mod codecs;
pub mod escape_codecs;
pub mod fields;
pub mod floatfmt;
pub mod format;
pub mod percent;
pub mod registry;
pub mod ucd_data;
pub mod unicode;
pub mod unicode_data;
pub mod unicodedata;
