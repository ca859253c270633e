//! Disassembly of compiled traces (for `-X jit-dump`), with iced-x86.

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};
use std::fmt::Write as _;

/// One line per instruction: address, bytes and Intel syntax.
pub fn disassemble(code: &[u8], base: usize) -> String {
    let mut decoder = Decoder::with_ip(64, code, base as u64, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    fmt.options_mut().set_first_operand_char_index(8);
    let mut out = String::new();
    let mut text = String::new();
    for ins in &mut decoder {
        text.clear();
        fmt.format(&ins, &mut text);
        let start = (ins.ip() - base as u64) as usize;
        let bytes: String = code[start..start + ins.len()]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = writeln!(out, "{:016x}  {:<24} {}", ins.ip(), bytes, text);
    }
    out
}
