//! Source positions: byte offsets to lines and columns.

use ruff_text_size::{TextRange, TextSize};

use crate::code::Location;
use crate::error::Span;

/// Line starts of a source text, for turning byte offsets into positions.
pub struct SourceMap {
    text: String,
    line_starts: Vec<u32>,
}

impl SourceMap {
    pub fn new(text: &str) -> SourceMap {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            text: text.to_string(),
            line_starts,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// 0-based line index of a byte offset.
    fn line_index(&self, off: u32) -> usize {
        match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based line and 0-based byte column.
    pub fn line_col(&self, off: TextSize) -> (u32, u32) {
        let off = off.to_u32().min(self.text.len() as u32);
        let li = self.line_index(off);
        (li as u32 + 1, off - self.line_starts[li])
    }

    /// 1-based line and 0-based character column.
    pub fn line_char_col(&self, off: TextSize) -> (u32, u32) {
        let off = off.to_u32().min(self.text.len() as u32);
        let li = self.line_index(off);
        let start = self.line_starts[li] as usize;
        let mut end = off as usize;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (li as u32 + 1, self.text[start..end].chars().count() as u32)
    }

    /// Instruction location of a range (byte columns).
    pub fn location(&self, r: TextRange) -> Location {
        let (line, col) = self.line_col(r.start());
        let (end_line, end_col) = self.line_col(r.end());
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// Error span of a range (character columns).
    pub fn span(&self, r: TextRange) -> Span {
        let (line, col) = self.line_char_col(r.start());
        let (end_line, end_col) = self.line_char_col(r.end());
        Span {
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// `r` widened to the parentheses around it (across blanks), if there are any.
    pub fn widen_to_parens(&self, r: TextRange) -> TextRange {
        let b = self.text.as_bytes();
        let blank = |c: u8| matches!(c, b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\');
        let mut s = r.start().to_usize();
        while s > 0 && blank(b[s - 1]) {
            s -= 1;
        }
        let mut e = r.end().to_usize();
        while e < b.len() && blank(b[e]) {
            e += 1;
        }
        if s > 0 && b[s - 1] == b'(' && e < b.len() && b[e] == b')' {
            TextRange::new(TextSize::new(s as u32 - 1), TextSize::new(e as u32 + 1))
        } else {
            r
        }
    }

    /// Text of 1-based line `n` without its line ending.
    pub fn line_text(&self, n: u32) -> Option<&str> {
        let i = n.checked_sub(1)? as usize;
        let start = *self.line_starts.get(i)? as usize;
        let end = self
            .line_starts
            .get(i + 1)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }
}
