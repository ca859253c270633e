//! Expressions of CPython 3.11's grammar.

use super::{Comp, Const, Keyword, N, NK, Parser, R, Rule};
use crate::tokenize::Kind;

/// Memoizes a rule returning a node.
macro_rules! memo {
    ($self:ident, $rule:expr, $body:expr) => {{
        let start = $self.mark;
        if let Some(v) = $self.memo_get($rule) {
            return Ok(v);
        }
        let r: Option<N> = $body?;
        $self.memo_put($rule, start, &r);
        Ok(r)
    }};
}

impl<'t> Parser<'t> {
    /// `expressions`.
    pub(super) fn expressions(&mut self) -> R<N> {
        let start = self.mark;
        let Some(a) = self.expression()? else {
            return Ok(None);
        };
        let mut elts = vec![a.clone()];
        let mut comma = false;
        loop {
            let m = self.mark;
            if self.op(",")?.is_none() {
                break;
            }
            comma = true;
            match self.expression()? {
                Some(e) => elts.push(e),
                None => {
                    self.mark = m + 1;
                    break;
                }
            }
        }
        if !comma {
            return Ok(Some(a));
        }
        Ok(Some(self.node(NK::Tuple(elts), start)))
    }

    /// `expression` (memo).
    pub(super) fn expression(&mut self) -> R<N> {
        self.enter()?;
        let r = self.expression_memo();
        self.leave();
        r
    }

    fn expression_memo(&mut self) -> R<N> {
        memo!(self, Rule::Expression, self.expression_inner())
    }

    fn expression_inner(&mut self) -> R<N> {
        let m = self.mark;
        if self.invalid {
            self.invalid_expression()?;
            self.mark = m;
            self.invalid_legacy_expression()?;
            self.mark = m;
        }
        'a: {
            let Some(_body) = self.disjunction()? else {
                break 'a;
            };
            if self.kw("if")?.is_none()
                || self.disjunction()?.is_none()
                || self.kw("else")?.is_none()
            {
                break 'a;
            }
            if self.expression()?.is_none() {
                break 'a;
            }
            return Ok(Some(self.node(NK::IfExp, m)));
        }
        self.mark = m;
        if let Some(d) = self.disjunction()? {
            return Ok(Some(d));
        }
        self.mark = m;
        if let Some(l) = self.lambdef()? {
            return Ok(Some(l));
        }
        self.mark = m;
        Ok(None)
    }

    /// `expression_without_invalid`: `expression` with the invalid rules off.
    pub(super) fn expression_without_invalid(&mut self) -> R<N> {
        let saved = (self.invalid, self.soft_off);
        (self.invalid, self.soft_off) = (false, false);
        let r = self.expression_without_invalid_inner();
        (self.invalid, self.soft_off) = saved;
        r
    }

    fn expression_without_invalid_inner(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            if self.disjunction()?.is_none()
                || self.kw("if")?.is_none()
                || self.disjunction()?.is_none()
                || self.kw("else")?.is_none()
                || self.expression()?.is_none()
            {
                break 'a;
            }
            return Ok(Some(self.node(NK::IfExp, m)));
        }
        self.mark = m;
        if let Some(d) = self.disjunction()? {
            return Ok(Some(d));
        }
        self.mark = m;
        if let Some(l) = self.lambdef()? {
            return Ok(Some(l));
        }
        self.mark = m;
        Ok(None)
    }

    /// `yield_expr`.
    pub(super) fn yield_expr(&mut self) -> R<N> {
        let m = self.mark;
        if self.kw("yield")?.is_some() && self.kw("from")?.is_some() && self.expression()?.is_some()
        {
            return Ok(Some(self.node(NK::YieldFrom, m)));
        }
        self.mark = m;
        if self.kw("yield")?.is_some() {
            let m2 = self.mark;
            if self.star_expressions()?.is_none() {
                self.mark = m2;
            }
            return Ok(Some(self.node(NK::Yield, m)));
        }
        self.mark = m;
        Ok(None)
    }

    /// `star_expressions`.
    pub(super) fn star_expressions(&mut self) -> R<N> {
        let start = self.mark;
        let Some(a) = self.star_expression()? else {
            return Ok(None);
        };
        let mut elts = vec![a.clone()];
        let mut comma = false;
        loop {
            let m = self.mark;
            if self.op(",")?.is_none() {
                break;
            }
            comma = true;
            match self.star_expression()? {
                Some(e) => elts.push(e),
                None => {
                    self.mark = m + 1;
                    break;
                }
            }
        }
        if !comma {
            return Ok(Some(a));
        }
        Ok(Some(self.node(NK::Tuple(elts), start)))
    }

    /// `star_expression` (memo).
    pub(super) fn star_expression(&mut self) -> R<N> {
        memo!(self, Rule::StarExpression, self.star_expression_inner())
    }

    fn star_expression_inner(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("*")?.is_some()
            && let Some(v) = self.bitwise_or()?
        {
            return Ok(Some(self.node(NK::Starred(v), m)));
        }
        self.mark = m;
        self.expression()
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`.
    pub(super) fn star_named_expressions(&mut self) -> R<Vec<N>> {
        let Some(a) = self.star_named_expression()? else {
            return Ok(None);
        };
        let mut v = vec![a];
        loop {
            let m = self.mark;
            if self.op(",")?.is_some()
                && let Some(e) = self.star_named_expression()?
            {
                v.push(e);
                continue;
            }
            self.mark = m;
            break;
        }
        self.op(",")?;
        Ok(Some(v))
    }

    /// `star_named_expression`.
    pub(super) fn star_named_expression(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("*")?.is_some()
            && let Some(v) = self.bitwise_or()?
        {
            return Ok(Some(self.node(NK::Starred(v), m)));
        }
        self.mark = m;
        self.named_expression()
    }

    /// `assignment_expression: NAME ':=' ~ expression`.
    pub(super) fn assignment_expression(&mut self) -> R<N> {
        let m = self.mark;
        // Cut after ':=': the caller's other alternatives are still tried by
        // CPython's generated code only within this rule, which has no others.
        if self.name()?.is_some() && self.op(":=")?.is_some() && self.expression()?.is_some() {
            return Ok(Some(self.node(NK::NamedExpr, m)));
        }
        self.mark = m;
        Ok(None)
    }

    /// `named_expression`.
    pub(super) fn named_expression(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(a) = self.assignment_expression()? {
            return Ok(Some(a));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_named_expression()?;
            self.mark = m;
        }
        if let Some(e) = self.expression()?
            && !self.at_op(":=")?
        {
            return Ok(Some(e));
        }
        self.mark = m;
        Ok(None)
    }

    /// `disjunction` (memo).
    pub(super) fn disjunction(&mut self) -> R<N> {
        memo!(self, Rule::Disjunction, self.boolop("or"))
    }

    fn conjunction(&mut self) -> R<N> {
        memo!(self, Rule::Conjunction, self.boolop("and"))
    }

    fn boolop(&mut self, kw: &str) -> R<N> {
        let m = self.mark;
        let next = |p: &mut Self| {
            if kw == "or" {
                p.conjunction()
            } else {
                p.inversion()
            }
        };
        let Some(a) = next(self)? else {
            return Ok(None);
        };
        let mut any = false;
        loop {
            let m2 = self.mark;
            if self.kw(kw)?.is_some() && next(self)?.is_some() {
                any = true;
                continue;
            }
            self.mark = m2;
            break;
        }
        if any {
            Ok(Some(self.node(NK::BoolOp, m)))
        } else {
            Ok(Some(a))
        }
    }

    /// `inversion` (memo).
    fn inversion(&mut self) -> R<N> {
        self.enter()?;
        let r = self.inversion_memo();
        self.leave();
        r
    }

    fn inversion_memo(&mut self) -> R<N> {
        memo!(self, Rule::Inversion, self.inversion_inner())
    }

    fn inversion_inner(&mut self) -> R<N> {
        let m = self.mark;
        if self.kw("not")?.is_some() && self.inversion()?.is_some() {
            return Ok(Some(self.node(NK::UnaryOp, m)));
        }
        self.mark = m;
        self.comparison()
    }

    fn comparison(&mut self) -> R<N> {
        let m = self.mark;
        let Some(a) = self.bitwise_or()? else {
            return Ok(None);
        };
        let mut first_is_in = None;
        loop {
            let m2 = self.mark;
            let Some(is_in) = self.compare_op()? else {
                self.mark = m2;
                break;
            };
            if self.bitwise_or()?.is_none() {
                self.mark = m2;
                break;
            }
            first_is_in.get_or_insert(is_in);
        }
        match first_is_in {
            Some(first_is_in) => Ok(Some(self.node(
                NK::Compare {
                    left: a,
                    first_is_in,
                },
                m,
            ))),
            None => Ok(Some(a)),
        }
    }

    /// A comparison operator; whether it is `in`.
    fn compare_op(&mut self) -> R<bool> {
        for op in ["==", "!=", "<=", "<", ">=", ">"] {
            if self.op(op)?.is_some() {
                return Ok(Some(false));
            }
        }
        let m = self.mark;
        if self.kw("not")?.is_some() && self.kw("in")?.is_some() {
            return Ok(Some(false));
        }
        self.mark = m;
        if self.kw("in")?.is_some() {
            return Ok(Some(true));
        }
        if self.kw("is")?.is_some() {
            self.kw("not")?;
            return Ok(Some(false));
        }
        Ok(None)
    }

    /// `bitwise_or` (and the binary operators below it, left-recursive loops).
    pub(super) fn bitwise_or(&mut self) -> R<N> {
        memo!(self, Rule::BitwiseOr, self.binary(0))
    }

    fn binary(&mut self, level: usize) -> R<N> {
        const OPS: [&[&str]; 6] = [
            &["|"],
            &["^"],
            &["&"],
            &["<<", ">>"],
            &["+", "-"],
            &["*", "/", "//", "%", "@"],
        ];
        let m = self.mark;
        let next = |p: &mut Self| {
            if level + 1 < OPS.len() {
                p.binary(level + 1)
            } else {
                p.factor()
            }
        };
        let Some(a) = next(self)? else {
            return Ok(None);
        };
        let mut any = false;
        loop {
            let m2 = self.mark;
            let t = self.cur()?;
            if t.kind == Kind::Op && OPS[level].contains(&self.text(&t)) {
                self.mark += 1;
                if next(self)?.is_some() {
                    any = true;
                    continue;
                }
            }
            self.mark = m2;
            break;
        }
        if any {
            Ok(Some(self.node(NK::BinOp, m)))
        } else {
            Ok(Some(a))
        }
    }

    /// `factor` (memo).
    fn factor(&mut self) -> R<N> {
        self.enter()?;
        let r = self.factor_memo();
        self.leave();
        r
    }

    fn factor_memo(&mut self) -> R<N> {
        memo!(self, Rule::Factor, self.factor_inner())
    }

    fn factor_inner(&mut self) -> R<N> {
        let m = self.mark;
        for op in ["+", "-", "~"] {
            if self.op(op)?.is_some() {
                if self.factor()?.is_some() {
                    return Ok(Some(self.node(NK::UnaryOp, m)));
                }
                self.mark = m;
            }
        }
        self.power()
    }

    fn power(&mut self) -> R<N> {
        self.enter()?;
        let r = self.power_inner();
        self.leave();
        r
    }

    fn power_inner(&mut self) -> R<N> {
        let m = self.mark;
        let Some(a) = self.await_primary()? else {
            return Ok(None);
        };
        let m2 = self.mark;
        if self.op("**")?.is_some() && self.factor()?.is_some() {
            return Ok(Some(self.node(NK::BinOp, m)));
        }
        self.mark = m2;
        Ok(Some(a))
    }

    fn await_primary(&mut self) -> R<N> {
        memo!(self, Rule::AwaitPrimary, self.await_primary_inner())
    }

    fn await_primary_inner(&mut self) -> R<N> {
        let m = self.mark;
        if self.kw("await")?.is_some() && self.primary()?.is_some() {
            return Ok(Some(self.node(NK::Await, m)));
        }
        self.mark = m;
        self.primary()
    }

    /// `primary` (left-recursive: an atom, then trailers).
    pub(super) fn primary(&mut self) -> R<N> {
        let m = self.mark;
        let Some(mut a) = self.atom()? else {
            return Ok(None);
        };
        loop {
            let m2 = self.mark;
            if self.op(".")?.is_some() && self.name()?.is_some() {
                a = self.node(NK::Attribute, m);
                continue;
            }
            self.mark = m2;
            if self.at_op("(")? {
                if let Some(g) = self.genexp()? {
                    a = self.node(
                        NK::Call {
                            args: vec![g],
                            keywords: vec![],
                        },
                        m,
                    );
                    continue;
                }
                self.mark = m2;
                if self.op("(")?.is_some() {
                    let args = self.arguments()?;
                    if self.op(")")?.is_some() {
                        let (args, keywords) = call_parts(args);
                        a = self.node(NK::Call { args, keywords }, m);
                        continue;
                    }
                }
                self.mark = m2;
            }
            if self.op("[")?.is_some() && self.slices()?.is_some() && self.op("]")?.is_some() {
                a = self.node(NK::Subscript, m);
                continue;
            }
            self.mark = m2;
            break;
        }
        Ok(Some(a))
    }

    /// `slices`.
    pub(super) fn slices(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(s) = self.slice()?
            && !self.at_op(",")?
        {
            return Ok(Some(s));
        }
        self.mark = m;
        let mut elts = Vec::new();
        loop {
            let m2 = self.mark;
            let item = match self.slice()? {
                Some(s) => Some(s),
                None => {
                    self.mark = m2;
                    self.starred_expression()?
                }
            };
            let Some(item) = item else {
                self.mark = m2;
                if !elts.is_empty() {
                    // The separator before was consumed: give it back.
                    self.mark -= 1;
                }
                break;
            };
            elts.push(item);
            if self.op(",")?.is_none() {
                break;
            }
        }
        if elts.is_empty() {
            self.mark = m;
            return Ok(None);
        }
        self.op(",")?;
        Ok(Some(self.node(NK::Tuple(elts), m)))
    }

    fn slice(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            let m1 = self.mark;
            if self.expression()?.is_none() {
                self.mark = m1;
            }
            if self.op(":")?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if self.expression()?.is_none() {
                self.mark = m2;
            }
            let m3 = self.mark;
            if self.op(":")?.is_some() {
                let m4 = self.mark;
                if self.expression()?.is_none() {
                    self.mark = m4;
                }
            } else {
                self.mark = m3;
            }
            return Ok(Some(self.node(NK::Slice, m)));
        }
        self.mark = m;
        self.named_expression()
    }

    /// `atom`.
    pub(super) fn atom(&mut self) -> R<N> {
        self.enter()?;
        let r = self.atom_inner();
        self.leave();
        r
    }

    fn atom_inner(&mut self) -> R<N> {
        // Inside brackets the invalid_ rules apply again (see double_starred_kvpairs).
        if self.soft_off && self.at_any(&["(", "[", "{"])? {
            (self.invalid, self.soft_off) = (true, false);
            let r = self.atom_brackets();
            (self.invalid, self.soft_off) = (false, true);
            return r;
        }
        self.atom_brackets()
    }

    fn atom_brackets(&mut self) -> R<N> {
        let m = self.mark;
        let t = self.cur()?;
        match t.kind {
            Kind::Name => {
                let s = self.text(&t);
                let c = match s {
                    "True" => Some(Const::True),
                    "False" => Some(Const::False),
                    "None" => Some(Const::None),
                    _ => None,
                };
                if let Some(c) = c {
                    self.mark += 1;
                    return Ok(Some(self.node(NK::Const(c), m)));
                }
                return self.name();
            }
            Kind::String => return self.strings(),
            Kind::Number => {
                self.mark += 1;
                return Ok(Some(self.node(NK::Const(Const::Other), m)));
            }
            Kind::Op => {}
            _ => return Ok(None),
        }
        match self.text(&t) {
            "(" => {
                if let Some(x) = self.tuple()? {
                    return Ok(Some(x));
                }
                self.mark = m;
                if let Some(x) = self.group()? {
                    return Ok(Some(x));
                }
                self.mark = m;
                if let Some(x) = self.genexp()? {
                    return Ok(Some(x));
                }
            }
            "[" => {
                if let Some(x) = self.list()? {
                    return Ok(Some(x));
                }
                self.mark = m;
                if let Some(x) = self.listcomp()? {
                    return Ok(Some(x));
                }
            }
            "{" => {
                if let Some(x) = self.dict()? {
                    return Ok(Some(x));
                }
                self.mark = m;
                if let Some(x) = self.set()? {
                    return Ok(Some(x));
                }
                self.mark = m;
                if let Some(x) = self.dictcomp()? {
                    return Ok(Some(x));
                }
                self.mark = m;
                if let Some(x) = self.setcomp()? {
                    return Ok(Some(x));
                }
            }
            "..." => {
                self.mark += 1;
                return Ok(Some(self.node(NK::Const(Const::Ellipsis), m)));
            }
            _ => {}
        }
        self.mark = m;
        Ok(None)
    }

    /// `strings: STRING+` (memo), with CPython's checks on the literals.
    fn strings(&mut self) -> R<N> {
        memo!(self, Rule::Strings, self.strings_inner())
    }

    fn strings_inner(&mut self) -> R<N> {
        let m = self.mark;
        while self.kind(Kind::String)?.is_some() {}
        if self.mark == m {
            return Ok(None);
        }
        let fstring = self.check_strings(m, self.mark)?;
        let kind = if fstring {
            NK::JoinedStr
        } else {
            NK::Const(Const::Other)
        };
        Ok(Some(self.node(kind, m)))
    }

    fn group(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            if self.op("(")?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            let inner = match self.yield_expr()? {
                Some(y) => Some(y),
                None => {
                    self.mark = m2;
                    self.named_expression()?
                }
            };
            let Some(inner) = inner else { break 'a };
            if self.op(")")?.is_none() {
                break 'a;
            }
            return Ok(Some(inner));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_group()?;
            self.mark = m;
        }
        Ok(None)
    }

    /// `lambdef`.
    pub(super) fn lambdef(&mut self) -> R<N> {
        self.enter()?;
        let r = self.lambdef_inner();
        self.leave();
        r
    }

    fn lambdef_inner(&mut self) -> R<N> {
        let m = self.mark;
        if self.kw("lambda")?.is_none() {
            return Ok(None);
        }
        let m2 = self.mark;
        if self.lambda_params()?.is_none() {
            self.mark = m2;
        }
        if self.op(":")?.is_none() || self.expression()?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        Ok(Some(self.node(NK::Lambda, m)))
    }

    fn list(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("[")?.is_none() {
            return Ok(None);
        }
        let m2 = self.mark;
        let elts = match self.star_named_expressions()? {
            Some(v) => v,
            None => {
                self.mark = m2;
                vec![]
            }
        };
        if self.op("]")?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        Ok(Some(self.node(NK::List(elts), m)))
    }

    fn tuple(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("(")?.is_none() {
            return Ok(None);
        }
        let m2 = self.mark;
        let mut elts = vec![];
        'a: {
            let Some(y) = self.star_named_expression()? else {
                break 'a;
            };
            if self.op(",")?.is_none() {
                break 'a;
            }
            elts.push(y);
            let m3 = self.mark;
            match self.star_named_expressions()? {
                Some(z) => elts.extend(z),
                None => self.mark = m3,
            }
        }
        if elts.is_empty() {
            self.mark = m2;
        }
        if self.op(")")?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        Ok(Some(self.node(NK::Tuple(elts), m)))
    }

    fn set(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("{")?.is_some()
            && self.star_named_expressions()?.is_some()
            && self.op("}")?.is_some()
        {
            return Ok(Some(self.node(NK::Set, m)));
        }
        self.mark = m;
        Ok(None)
    }

    fn dict(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            if self.op("{")?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if self.double_starred_kvpairs()?.is_none() {
                self.mark = m2;
            }
            if self.op("}")?.is_none() {
                break 'a;
            }
            return Ok(Some(self.node(NK::Dict, m)));
        }
        self.mark = m;
        if self.invalid {
            if self.op("{")?.is_some() {
                self.invalid_double_starred_kvpairs()?;
            }
            self.mark = m;
        }
        Ok(None)
    }

    pub(super) fn double_starred_kvpairs(&mut self) -> R<()> {
        if self.double_starred_kvpair()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() {
                // CPython does not report errors of the invalid_ rules in the keys after
                // the first (outside brackets): "':' expected after dictionary key" comes
                // instead.
                if self.double_starred_kvpair_soft_key()?.is_some() {
                    continue;
                }
            }
            self.mark = m;
            break;
        }
        self.op(",")?;
        Ok(Some(()))
    }

    pub(super) fn double_starred_kvpair(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("**")?.is_some() && self.bitwise_or()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        self.kvpair()
    }

    /// `double_starred_kvpair`, with the key parsed as CPython effectively parses
    /// the keys after the first: without the invalid_ rules outside brackets.
    fn double_starred_kvpair_soft_key(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("**")?.is_some() && self.bitwise_or()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        let saved = (self.invalid, self.soft_off);
        if self.invalid {
            (self.invalid, self.soft_off) = (false, true);
        }
        let key = self.expression();
        (self.invalid, self.soft_off) = saved;
        if key?.is_some() && self.op(":")?.is_some() && self.expression()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    pub(super) fn kvpair(&mut self) -> R<()> {
        let m = self.mark;
        if self.expression()?.is_some() && self.op(":")?.is_some() && self.expression()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// `for_if_clauses: for_if_clause+`.
    pub(super) fn for_if_clauses(&mut self) -> R<Vec<Comp>> {
        let mut v = Vec::new();
        loop {
            let m = self.mark;
            match self.for_if_clause()? {
                Some(c) => v.push(c),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        Ok((!v.is_empty()).then_some(v))
    }

    fn for_if_clause(&mut self) -> R<Comp> {
        let m = self.mark;
        'a: {
            self.kw("async")?;
            if self.kw("for")?.is_none()
                || self.star_targets()?.is_none()
                || self.kw("in")?.is_none()
            {
                break 'a;
            }
            // Cut after 'in'.
            let Some(iter) = self.disjunction()? else {
                self.mark = m;
                return Ok(None);
            };
            let mut ifs = Vec::new();
            loop {
                let m2 = self.mark;
                if self.kw("if")?.is_some()
                    && let Some(c) = self.disjunction()?
                {
                    ifs.push(c);
                    continue;
                }
                self.mark = m2;
                break;
            }
            return Ok(Some(Comp { iter, ifs }));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_for_target()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn listcomp(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("[")?.is_some()
            && self.named_expression()?.is_some()
            && self.for_if_clauses()?.is_some()
            && self.op("]")?.is_some()
        {
            return Ok(Some(self.node(NK::ListComp, m)));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_comprehension()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn setcomp(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("{")?.is_some()
            && self.named_expression()?.is_some()
            && self.for_if_clauses()?.is_some()
            && self.op("}")?.is_some()
        {
            return Ok(Some(self.node(NK::SetComp, m)));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_comprehension()?;
            self.mark = m;
        }
        Ok(None)
    }

    /// `genexp`.
    pub(super) fn genexp(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            if self.op("(")?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            let elt = match self.assignment_expression()? {
                Some(e) => Some(e),
                None => {
                    self.mark = m2;
                    match self.expression()? {
                        Some(e) if !self.at_op(":=")? => Some(e),
                        _ => None,
                    }
                }
            };
            if elt.is_none() || self.for_if_clauses()?.is_none() || self.op(")")?.is_none() {
                break 'a;
            }
            return Ok(Some(self.node(NK::GenExp, m)));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_comprehension()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn dictcomp(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("{")?.is_some()
            && self.kvpair()?.is_some()
            && self.for_if_clauses()?.is_some()
            && self.op("}")?.is_some()
        {
            return Ok(Some(self.node(NK::DictComp, m)));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_dict_comprehension()?;
            self.mark = m;
        }
        Ok(None)
    }

    // ---- call arguments ----

    /// `arguments: args [','] &')' | invalid_arguments` (memo).
    pub(super) fn arguments(&mut self) -> R<N> {
        memo!(self, Rule::Arguments, self.arguments_inner())
    }

    fn arguments_inner(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(a) = self.args()? {
            self.op(",")?;
            if self.at_op(")")? {
                return Ok(Some(a));
            }
        }
        self.mark = m;
        if self.invalid {
            self.invalid_arguments()?;
            self.mark = m;
        }
        Ok(None)
    }

    /// `args`: a Call node holding the arguments.
    pub(super) fn args(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            let mut args = Vec::new();
            loop {
                let m2 = self.mark;
                let item = match self.starred_expression()? {
                    Some(s) => Some(s),
                    None => {
                        self.mark = m2;
                        let e = match self.assignment_expression()? {
                            Some(e) => Some(e),
                            None => {
                                self.mark = m2;
                                match self.expression()? {
                                    Some(e) if !self.at_op(":=")? => Some(e),
                                    _ => None,
                                }
                            }
                        };
                        match e {
                            Some(e) if !self.at_op("=")? => Some(e),
                            _ => None,
                        }
                    }
                };
                let Some(item) = item else {
                    self.mark = m2;
                    if !args.is_empty() {
                        self.mark -= 1;
                    }
                    break;
                };
                args.push(item);
                if self.op(",")?.is_none() {
                    break;
                }
            }
            if args.is_empty() {
                break 'a;
            }
            let mut keywords = Vec::new();
            let m3 = self.mark;
            if self.op(",")?.is_some()
                && let Some((a2, k)) = self.kwargs()?
            {
                args.extend(a2);
                keywords = k;
            } else {
                self.mark = m3;
            }
            return Ok(Some(self.node(NK::Call { args, keywords }, m)));
        }
        self.mark = m;
        if let Some((args, keywords)) = self.kwargs()? {
            return Ok(Some(self.node(NK::Call { args, keywords }, m)));
        }
        self.mark = m;
        Ok(None)
    }

    /// `kwargs`: starred arguments and keywords.
    fn kwargs(&mut self) -> R<(Vec<N>, Vec<Keyword>)> {
        let m = self.mark;
        'a: {
            let Some(mut a) = self.kwarg_list(false)? else {
                break 'a;
            };
            if self.op(",")?.is_none() {
                break 'a;
            }
            let Some(b) = self.kwarg_list(true)? else {
                break 'a;
            };
            a.0.extend(b.0);
            a.1.extend(b.1);
            return Ok(Some(a));
        }
        self.mark = m;
        if let Some(a) = self.kwarg_list(false)? {
            return Ok(Some(a));
        }
        self.mark = m;
        if let Some(a) = self.kwarg_list(true)? {
            return Ok(Some(a));
        }
        self.mark = m;
        Ok(None)
    }

    /// `','.kwarg_or_starred+` or `','.kwarg_or_double_starred+`.
    fn kwarg_list(&mut self, double: bool) -> R<(Vec<N>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut kws = Vec::new();
        let mut n = 0;
        loop {
            let m = self.mark;
            if n > 0 && self.op(",")?.is_none() {
                break;
            }
            match self.kwarg(double)? {
                Some(Ok(a)) => args.push(a),
                Some(Err(k)) => kws.push(k),
                None => {
                    self.mark = m;
                    break;
                }
            }
            n += 1;
        }
        Ok((n > 0).then_some((args, kws)))
    }

    /// `kwarg_or_starred` / `kwarg_or_double_starred`: a starred argument (Ok) or a
    /// keyword (Err).
    #[allow(clippy::type_complexity)]
    fn kwarg(&mut self, double: bool) -> R<Result<N, Keyword>> {
        let m = self.mark;
        if self.invalid {
            self.invalid_kwarg()?;
            self.mark = m;
        }
        if let Some(n) = self.name()?
            && self.op("=")?.is_some()
            && self.expression()?.is_some()
        {
            let arg = match &n.kind {
                NK::Name(s) => Some(s.clone()),
                _ => None,
            };
            return Ok(Some(Err(Keyword { arg })));
        }
        self.mark = m;
        if !double {
            if let Some(s) = self.starred_expression()? {
                return Ok(Some(Ok(s)));
            }
        } else if self.op("**")?.is_some() && self.expression()?.is_some() {
            return Ok(Some(Err(Keyword { arg: None })));
        }
        self.mark = m;
        Ok(None)
    }

    /// `starred_expression: '*' expression`.
    pub(super) fn starred_expression(&mut self) -> R<N> {
        let m = self.mark;
        if self.op("*")?.is_some()
            && let Some(v) = self.expression()?
        {
            return Ok(Some(self.node(NK::Starred(v), m)));
        }
        self.mark = m;
        Ok(None)
    }
}

/// The positional arguments and keywords of an `arguments` result.
fn call_parts(a: Option<N>) -> (Vec<N>, Vec<Keyword>) {
    match a.as_deref().map(|n| &n.kind) {
        Some(NK::Call { args, keywords }) => (args.clone(), keywords.clone()),
        _ => (vec![], vec![]),
    }
}
