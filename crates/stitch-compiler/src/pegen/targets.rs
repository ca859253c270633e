//! Assignment and `del` targets of CPython 3.11's grammar.

use super::{N, NK, Parser, R, Rule};

impl<'t> Parser<'t> {
    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`.
    pub(super) fn star_targets(&mut self) -> R<N> {
        let m = self.mark;
        let Some(a) = self.star_target()? else {
            return Ok(None);
        };
        if !self.at_op(",")? {
            return Ok(Some(a));
        }
        let mut elts = vec![a];
        loop {
            let m2 = self.mark;
            if self.op(",")?.is_some()
                && let Some(t) = self.star_target()?
            {
                elts.push(t);
                continue;
            }
            self.mark = m2;
            break;
        }
        self.op(",")?;
        Ok(Some(self.node(NK::Tuple(elts), m)))
    }

    /// `','.star_target+ [',']`.
    fn star_targets_list_seq(&mut self) -> R<Vec<N>> {
        let Some(a) = self.star_target()? else {
            return Ok(None);
        };
        let mut v = vec![a];
        loop {
            let m = self.mark;
            if self.op(",")?.is_some()
                && let Some(t) = self.star_target()?
            {
                v.push(t);
                continue;
            }
            self.mark = m;
            break;
        }
        self.op(",")?;
        Ok(Some(v))
    }

    /// `star_target (',' star_target)+ [','] | star_target ','`.
    fn star_targets_tuple_seq(&mut self) -> R<Vec<N>> {
        let m = self.mark;
        let Some(a) = self.star_target()? else {
            return Ok(None);
        };
        let mut v = vec![a];
        loop {
            let m2 = self.mark;
            if self.op(",")?.is_some()
                && let Some(t) = self.star_target()?
            {
                v.push(t);
                continue;
            }
            self.mark = m2;
            break;
        }
        if v.len() > 1 {
            self.op(",")?;
            return Ok(Some(v));
        }
        if self.op(",")?.is_some() {
            return Ok(Some(v));
        }
        self.mark = m;
        Ok(None)
    }

    /// `star_target` (memo).
    pub(super) fn star_target(&mut self) -> R<N> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::StarTarget) {
            return Ok(v);
        }
        self.enter()?;
        let r = self.star_target_inner();
        self.leave();
        let r = r?;
        self.memo_put(Rule::StarTarget, start, &r);
        Ok(r)
    }

    fn star_target_inner(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("*")?.is_some()
            && !self.at_op("*")?
            && let Some(t) = self.star_target()?
        {
            return Ok(Some(self.node(NK::Starred(t), m)));
        }
        self.mark = m;
        self.target_with_star_atom()
    }

    /// `target_with_star_atom` (memo).
    fn target_with_star_atom(&mut self) -> R<N> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::TargetWithStarAtom) {
            return Ok(v);
        }
        let r = self.subscript_attribute_target()?;
        let r = match r {
            Some(x) => Some(x),
            None => {
                self.mark = start;
                self.star_atom()?
            }
        };
        if r.is_none() {
            self.mark = start;
        }
        self.memo_put(Rule::TargetWithStarAtom, start, &r);
        Ok(r)
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`.
    fn subscript_attribute_target(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            if self.t_primary()?.is_none() || self.op(".")?.is_none() || self.name()?.is_none() {
                break 'a;
            }
            if self.t_lookahead()? {
                break 'a;
            }
            return Ok(Some(self.node(NK::Attribute, m)));
        }
        self.mark = m;
        'b: {
            if self.t_primary()?.is_none()
                || self.op("[")?.is_none()
                || self.slices()?.is_none()
                || self.op("]")?.is_none()
            {
                break 'b;
            }
            if self.t_lookahead()? {
                break 'b;
            }
            return Ok(Some(self.node(NK::Subscript, m)));
        }
        self.mark = m;
        Ok(None)
    }

    fn star_atom(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(n) = self.name()? {
            return Ok(Some(n));
        }
        'a: {
            if self.op("(")?.is_none() {
                break 'a;
            }
            let Some(t) = self.target_with_star_atom()? else {
                break 'a;
            };
            if self.op(")")?.is_none() {
                break 'a;
            }
            return Ok(Some(t));
        }
        self.mark = m;
        'b: {
            if self.op("(")?.is_none() {
                break 'b;
            }
            let m2 = self.mark;
            let elts = match self.star_targets_tuple_seq()? {
                Some(v) => v,
                None => {
                    self.mark = m2;
                    vec![]
                }
            };
            if self.op(")")?.is_none() {
                break 'b;
            }
            return Ok(Some(self.node(NK::Tuple(elts), m)));
        }
        self.mark = m;
        'c: {
            if self.op("[")?.is_none() {
                break 'c;
            }
            let m2 = self.mark;
            let elts = match self.star_targets_list_seq()? {
                Some(v) => v,
                None => {
                    self.mark = m2;
                    vec![]
                }
            };
            if self.op("]")?.is_none() {
                break 'c;
            }
            return Ok(Some(self.node(NK::List(elts), m)));
        }
        self.mark = m;
        Ok(None)
    }

    /// `single_target: single_subscript_attribute_target | NAME | '(' single_target ')'`.
    pub(super) fn single_target(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(t) = self.single_subscript_attribute_target()? {
            return Ok(Some(t));
        }
        self.mark = m;
        if let Some(n) = self.name()? {
            return Ok(Some(n));
        }
        if self.op("(")?.is_some()
            && let Some(t) = self.single_target()?
            && self.op(")")?.is_some()
        {
            return Ok(Some(t));
        }
        self.mark = m;
        Ok(None)
    }

    pub(super) fn single_subscript_attribute_target(&mut self) -> R<N> {
        self.subscript_attribute_target()
    }

    fn t_lookahead(&mut self) -> Result<bool, super::Stop> {
        self.at_any(&["(", "[", "."])
    }

    /// `t_primary` (left-recursive): a primary that is followed by a trailer.
    pub(super) fn t_primary(&mut self) -> R<N> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::TPrimary) {
            return Ok(v);
        }
        let r = self.t_primary_inner()?;
        if r.is_none() {
            self.mark = start;
        }
        self.memo_put(Rule::TPrimary, start, &r);
        Ok(r)
    }

    fn t_primary_inner(&mut self) -> R<N> {
        let m = self.mark;
        let Some(mut a) = self.atom()? else {
            return Ok(None);
        };
        if !self.t_lookahead()? {
            self.mark = m;
            return Ok(None);
        }
        loop {
            let m2 = self.mark;
            if self.op(".")?.is_some() && self.name()?.is_some() && self.t_lookahead()? {
                a = self.node(NK::Attribute, m);
                continue;
            }
            self.mark = m2;
            if self.op("[")?.is_some()
                && self.slices()?.is_some()
                && self.op("]")?.is_some()
                && self.t_lookahead()?
            {
                a = self.node(NK::Subscript, m);
                continue;
            }
            self.mark = m2;
            if self.at_op("(")? {
                if self.genexp()?.is_some() && self.t_lookahead()? {
                    a = self.node(
                        NK::Call {
                            args: vec![],
                            keywords: vec![],
                        },
                        m,
                    );
                    continue;
                }
                self.mark = m2;
                if self.op("(")?.is_some() {
                    self.arguments()?;
                    if self.op(")")?.is_some() && self.t_lookahead()? {
                        a = self.node(
                            NK::Call {
                                args: vec![],
                                keywords: vec![],
                            },
                            m,
                        );
                        continue;
                    }
                }
                self.mark = m2;
            }
            break;
        }
        Ok(Some(a))
    }

    /// `del_targets: ','.del_target+ [',']`.
    pub(super) fn del_targets(&mut self) -> R<Vec<N>> {
        let Some(a) = self.del_target()? else {
            return Ok(None);
        };
        let mut v = vec![a];
        loop {
            let m = self.mark;
            if self.op(",")?.is_some()
                && let Some(t) = self.del_target()?
            {
                v.push(t);
                continue;
            }
            self.mark = m;
            break;
        }
        self.op(",")?;
        Ok(Some(v))
    }

    /// `del_target` (memo).
    fn del_target(&mut self) -> R<N> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::DelTarget) {
            return Ok(v);
        }
        let r = match self.subscript_attribute_target()? {
            Some(x) => Some(x),
            None => {
                self.mark = start;
                self.del_t_atom()?
            }
        };
        if r.is_none() {
            self.mark = start;
        }
        self.memo_put(Rule::DelTarget, start, &r);
        Ok(r)
    }

    fn del_t_atom(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(n) = self.name()? {
            return Ok(Some(n));
        }
        if self.op("(")?.is_some()
            && let Some(t) = self.del_target()?
            && self.op(")")?.is_some()
        {
            return Ok(Some(t));
        }
        self.mark = m;
        for (open, close, tuple) in [("(", ")", true), ("[", "]", false)] {
            if self.op(open)?.is_some() {
                let m2 = self.mark;
                let elts = match self.del_targets()? {
                    Some(v) => v,
                    None => {
                        self.mark = m2;
                        vec![]
                    }
                };
                if self.op(close)?.is_some() {
                    let kind = if tuple {
                        NK::Tuple(elts)
                    } else {
                        NK::List(elts)
                    };
                    return Ok(Some(self.node(kind, m)));
                }
            }
            self.mark = m;
        }
        Ok(None)
    }
}
