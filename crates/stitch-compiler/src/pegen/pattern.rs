//! Patterns of the `match` statement (CPython 3.11's grammar).

use super::{Const, N, NK, Parser, R};
use crate::tokenize::Kind;

impl<'t> Parser<'t> {
    /// `patterns: open_sequence_pattern | pattern`.
    pub(super) fn patterns(&mut self) -> R<N> {
        let m = self.mark;
        if self.open_sequence_pattern()?.is_some() {
            return Ok(Some(self.node(NK::Const(Const::Other), m)));
        }
        self.mark = m;
        self.pattern()
    }

    fn pattern(&mut self) -> R<N> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(p) = self.as_pattern()? {
            return Ok(Some(p));
        }
        self.mark = m;
        self.or_pattern()
    }

    fn as_pattern(&mut self) -> R<N> {
        let m = self.mark;
        if self.or_pattern()?.is_some() && self.kw("as")?.is_some() && self.pattern_capture_target()?.is_some() {
            return Ok(Some(self.node(NK::Const(Const::Other), m)));
        }
        self.mark = m;
        if self.invalid {
            if self.or_pattern()?.is_some() && self.kw("as")?.is_some() {
                let m2 = self.mark;
                if let Some(a) = self.kw("_")? {
                    let n = self.tok_node(a);
                    return Err(self.raise_node(&n, "cannot use '_' as a target"));
                }
                self.mark = m2;
                if !self.lookahead(|p| p.name())?
                    && let Some(a) = self.expression()?
                {
                    return Err(self.raise_node(&a, "invalid pattern target"));
                }
            }
            self.mark = m;
        }
        Ok(None)
    }

    fn or_pattern(&mut self) -> R<N> {
        let m = self.mark;
        if self.closed_pattern()?.is_none() {
            return Ok(None);
        }
        loop {
            let m2 = self.mark;
            if self.op("|")?.is_some() && self.closed_pattern()?.is_some() {
                continue;
            }
            self.mark = m2;
            break;
        }
        Ok(Some(self.node(NK::Const(Const::Other), m)))
    }

    fn closed_pattern(&mut self) -> R<()> {
        let m = self.mark;
        let alts: [fn(&mut Self) -> R<()>; 8] = [
            Self::literal_pattern,
            Self::capture_pattern,
            Self::wildcard_pattern,
            Self::value_pattern,
            Self::group_pattern,
            Self::sequence_pattern,
            Self::mapping_pattern,
            Self::class_pattern,
        ];
        for f in alts {
            if f(self)?.is_some() {
                return Ok(Some(()));
            }
            self.mark = m;
        }
        Ok(None)
    }

    fn literal_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.signed_number()?.is_some() && !self.at_any(&["+", "-"])? {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.complex_number()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kind(Kind::String)? && self.atom()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        for k in ["None", "True", "False"] {
            if self.kw(k)?.is_some() {
                return Ok(Some(()));
            }
        }
        Ok(None)
    }

    fn signed_number(&mut self) -> R<()> {
        let m = self.mark;
        if self.number()?.is_some() {
            return Ok(Some(()));
        }
        if self.op("-")?.is_some() && self.number()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn is_imaginary(&self, i: usize) -> bool {
        let t = &self.t.tokens[i];
        matches!(self.text(t).chars().last(), Some('j') | Some('J'))
    }

    fn complex_number(&mut self) -> R<()> {
        let m = self.mark;
        self.op("-")?;
        let Some(real) = self.number()? else {
            self.mark = m;
            return Ok(None);
        };
        if self.is_imaginary(real) {
            let n = self.tok_node(real);
            return Err(self.raise_node(&n, "real number required in complex literal"));
        }
        if self.op("+")?.is_none() && self.op("-")?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        let Some(imag) = self.number()? else {
            self.mark = m;
            return Ok(None);
        };
        if !self.is_imaginary(imag) {
            let n = self.tok_node(imag);
            return Err(self.raise_node(&n, "imaginary number required in complex literal"));
        }
        Ok(Some(()))
    }

    fn capture_pattern(&mut self) -> R<()> {
        Ok(self.pattern_capture_target()?.map(|_| ()))
    }

    fn pattern_capture_target(&mut self) -> R<()> {
        let m = self.mark;
        if self.at_kw("_")? {
            return Ok(None);
        }
        if self.name()?.is_some() && !self.at_any(&[".", "(", "="])? {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn wildcard_pattern(&mut self) -> R<()> {
        Ok(self.kw("_")?.map(|_| ()))
    }

    fn value_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.attr()? && !self.at_any(&[".", "(", "="])? {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// `attr: name_or_attr '.' NAME` (at least one dot).
    fn attr(&mut self) -> Result<bool, super::Stop> {
        let m = self.mark;
        if self.name()?.is_none() {
            return Ok(false);
        }
        let mut dots = 0;
        loop {
            let m2 = self.mark;
            if self.op(".")?.is_some() && self.name()?.is_some() {
                dots += 1;
                continue;
            }
            self.mark = m2;
            break;
        }
        if dots == 0 {
            self.mark = m;
        }
        Ok(dots > 0)
    }

    fn name_or_attr(&mut self) -> R<()> {
        let m = self.mark;
        if self.attr()? {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(self.name()?.map(|_| ()))
    }

    fn group_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("(")?.is_some() && self.pattern()?.is_some() && self.op(")")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn sequence_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("[")?.is_some() {
            self.opt(|p| p.maybe_sequence_pattern())?;
            if self.op("]")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = m;
        if self.op("(")?.is_some() {
            self.opt(|p| p.open_sequence_pattern())?;
            if self.op(")")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = m;
        Ok(None)
    }

    fn open_sequence_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.maybe_star_pattern()?.is_some() && self.op(",")?.is_some() {
            self.opt(|p| p.maybe_sequence_pattern())?;
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn maybe_sequence_pattern(&mut self) -> R<()> {
        if self.maybe_star_pattern()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.maybe_star_pattern()?.is_some() {
                continue;
            }
            self.mark = m;
            break;
        }
        self.op(",")?;
        Ok(Some(()))
    }

    fn maybe_star_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("*")?.is_some() {
            let m2 = self.mark;
            if self.pattern_capture_target()?.is_some() {
                return Ok(Some(()));
            }
            self.mark = m2;
            if self.wildcard_pattern()?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = m;
        Ok(self.pattern()?.map(|_| ()))
    }

    fn mapping_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("{")?.is_none() {
            return Ok(None);
        }
        let inner = self.mark;
        if self.op("}")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = inner;
        if self.double_star_pattern()?.is_some() {
            self.op(",")?;
            if self.op("}")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = inner;
        if self.items_pattern()?.is_some() && self.op(",")?.is_some() && self.double_star_pattern()?.is_some() {
            self.op(",")?;
            if self.op("}")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = inner;
        if self.items_pattern()?.is_some() {
            self.op(",")?;
            if self.op("}")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = m;
        Ok(None)
    }

    fn items_pattern(&mut self) -> R<()> {
        if self.key_value_pattern()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.key_value_pattern()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    fn key_value_pattern(&mut self) -> R<()> {
        let m = self.mark;
        let key = {
            let m1 = self.mark;
            let lit = self.literal_expr()?.is_some();
            if !lit {
                self.mark = m1;
                self.attr()?
            } else {
                true
            }
        };
        if key && self.op(":")?.is_some() && self.pattern()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn literal_expr(&mut self) -> R<()> {
        self.literal_pattern()
    }

    fn double_star_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("**")?.is_some() && self.pattern_capture_target()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn class_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.name_or_attr()?.is_none() || self.op("(")?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        let inner = self.mark;
        if self.op(")")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = inner;
        if self.positional_patterns()?.is_some() {
            self.op(",")?;
            if self.op(")")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = inner;
        if self.keyword_patterns()?.is_some() {
            self.op(",")?;
            if self.op(")")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = inner;
        if self.positional_patterns()?.is_some() && self.op(",")?.is_some() && self.keyword_patterns()?.is_some() {
            self.op(",")?;
            if self.op(")")?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = inner;
        if self.invalid {
            // [positional_patterns ','] keyword_patterns ',' a=positional_patterns
            let m2 = self.mark;
            if !(self.positional_patterns()?.is_some() && self.op(",")?.is_some()) {
                self.mark = m2;
            }
            if self.keyword_patterns()?.is_some()
                && self.op(",")?.is_some()
                && let Some(pats) = self.positional_patterns()?
                && let (Some(first), Some(last)) = (pats.first(), pats.last())
            {
                let (f, l) = (first.clone(), last.clone());
                return Err(self.raise_range(&f, &l, "positional patterns follow keyword patterns"));
            }
        }
        self.mark = m;
        Ok(None)
    }

    fn positional_patterns(&mut self) -> R<Vec<N>> {
        let Some(p) = self.pattern()? else { return Ok(None) };
        let mut v = vec![p];
        loop {
            let m = self.mark;
            if self.op(",")?.is_some()
                && let Some(p) = self.pattern()?
            {
                v.push(p);
                continue;
            }
            self.mark = m;
            return Ok(Some(v));
        }
    }

    fn keyword_patterns(&mut self) -> R<()> {
        if self.keyword_pattern()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.keyword_pattern()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    fn keyword_pattern(&mut self) -> R<()> {
        let m = self.mark;
        if self.name()?.is_some() && self.op("=")?.is_some() && self.pattern()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }
}
