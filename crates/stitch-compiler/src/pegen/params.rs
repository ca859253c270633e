//! Function and lambda parameters of CPython 3.11's grammar (one set of rules
//! for both: lambdas have no annotations and end at ':' instead of ')').

use super::{ErrType, N, NK, Parser, R, Stop};

impl<'t> Parser<'t> {
    /// `params: invalid_parameters | parameters`.
    pub(super) fn params(&mut self) -> R<()> {
        self.any_params(false)
    }

    /// `lambda_params`.
    pub(super) fn lambda_params(&mut self) -> R<()> {
        self.any_params(true)
    }

    fn any_params(&mut self, lambda: bool) -> R<()> {
        let m = self.mark;
        if self.invalid {
            self.invalid_parameters(lambda)?;
            self.mark = m;
        }
        self.parameters(lambda)
    }

    fn close(&self, lambda: bool) -> &'static str {
        if lambda { ":" } else { ")" }
    }

    fn parameters(&mut self, lambda: bool) -> R<()> {
        let m = self.mark;
        // slash_no_default param_no_default* param_with_default* [star_etc]
        if self.slash_no_default(lambda)?.is_some() {
            self.many(|p| p.param_no_default(lambda))?;
            self.many(|p| p.param_with_default(lambda))?;
            self.opt(|p| p.star_etc(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if self.slash_with_default(lambda)?.is_some() {
            self.many(|p| p.param_with_default(lambda))?;
            self.opt(|p| p.star_etc(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if self.many(|p| p.param_no_default(lambda))? > 0 {
            self.many(|p| p.param_with_default(lambda))?;
            self.opt(|p| p.star_etc(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if self.many(|p| p.param_with_default(lambda))? > 0 {
            self.opt(|p| p.star_etc(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if self.star_etc(lambda)?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// Repeats `f` while it matches; the number of matches.
    pub(super) fn many<T>(&mut self, mut f: impl FnMut(&mut Self) -> R<T>) -> Result<usize, Stop> {
        let mut n = 0;
        loop {
            let m = self.mark;
            if f(self)?.is_none() {
                self.mark = m;
                return Ok(n);
            }
            n += 1;
        }
    }

    /// `[f]`.
    pub(super) fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> Result<Option<T>, Stop> {
        let m = self.mark;
        let r = f(self)?;
        if r.is_none() {
            self.mark = m;
        }
        Ok(r)
    }

    fn slash_no_default(&mut self, lambda: bool) -> R<()> {
        let m = self.mark;
        if self.many(|p| p.param_no_default(lambda))? > 0
            && self.op("/")?.is_some()
            && (self.op(",")?.is_some() || self.at_op(self.close(lambda))?)
        {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn slash_with_default(&mut self, lambda: bool) -> R<()> {
        let m = self.mark;
        self.many(|p| p.param_no_default(lambda))?;
        if self.many(|p| p.param_with_default(lambda))? > 0
            && self.op("/")?.is_some()
            && (self.op(",")?.is_some() || self.at_op(self.close(lambda))?)
        {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn star_etc(&mut self, lambda: bool) -> R<()> {
        let m = self.mark;
        if self.invalid {
            self.invalid_star_etc(lambda)?;
            self.mark = m;
        }
        // '*' param_no_default param_maybe_default* [kwds]
        if self.op("*")?.is_some() && self.param_no_default(lambda)?.is_some() {
            self.many(|p| p.param_maybe_default(lambda))?;
            self.opt(|p| p.kwds(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if !lambda && self.op("*")?.is_some() && self.param_no_default_star_annotation()?.is_some()
        {
            self.many(|p| p.param_maybe_default(lambda))?;
            self.opt(|p| p.kwds(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if self.op("*")?.is_some()
            && self.op(",")?.is_some()
            && self.many(|p| p.param_maybe_default(lambda))? > 0
        {
            self.opt(|p| p.kwds(lambda))?;
            return Ok(Some(()));
        }
        self.mark = m;
        if self.kwds(lambda)?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn kwds(&mut self, lambda: bool) -> R<()> {
        let m = self.mark;
        if self.invalid {
            self.invalid_kwds(lambda)?;
            self.mark = m;
        }
        if self.op("**")?.is_some() && self.param_no_default(lambda)?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// `param ',' | param &')'`.
    pub(super) fn param_no_default(&mut self, lambda: bool) -> R<N> {
        let m = self.mark;
        if let Some(a) = self.param(lambda)?
            && (self.op(",")?.is_some() || self.at_op(self.close(lambda))?)
        {
            return Ok(Some(a));
        }
        self.mark = m;
        Ok(None)
    }

    fn param_no_default_star_annotation(&mut self) -> R<N> {
        let m = self.mark;
        'a: {
            if self.name()?.is_none()
                || self.op(":")?.is_none()
                || self.star_expression()?.is_none()
            {
                break 'a;
            }
            let a = self.node(NK::Name(String::new()), m);
            if self.op(",")?.is_some() || self.at_op(")")? {
                return Ok(Some(a));
            }
        }
        self.mark = m;
        Ok(None)
    }

    /// `param default ',' | param default &')'`.
    pub(super) fn param_with_default(&mut self, lambda: bool) -> R<N> {
        let m = self.mark;
        if let Some(a) = self.param(lambda)?
            && self.default()?.is_some()
            && (self.op(",")?.is_some() || self.at_op(self.close(lambda))?)
        {
            return Ok(Some(a));
        }
        self.mark = m;
        Ok(None)
    }

    /// `param default? ',' | param default? &')'`.
    pub(super) fn param_maybe_default(&mut self, lambda: bool) -> R<N> {
        let m = self.mark;
        if let Some(a) = self.param(lambda)? {
            self.opt(|p| p.default())?;
            if self.op(",")?.is_some() || self.at_op(self.close(lambda))? {
                return Ok(Some(a));
            }
        }
        self.mark = m;
        Ok(None)
    }

    /// `param: NAME annotation?` (lambdas: NAME).
    pub(super) fn param(&mut self, lambda: bool) -> R<N> {
        let m = self.mark;
        if self.name()?.is_none() {
            return Ok(None);
        }
        if !lambda {
            let m2 = self.mark;
            if !(self.op(":")?.is_some() && self.expression()?.is_some()) {
                self.mark = m2;
            }
        }
        Ok(Some(self.node(NK::Name(String::new()), m)))
    }

    /// `default: '=' expression | invalid_default`.
    fn default(&mut self) -> R<()> {
        let m = self.mark;
        if self.op("=")?.is_some() && self.expression()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid
            && let Some(a) = self.op("=")?
            && self.at_any(&[")", ","])?
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "expected default value expression"));
        }
        self.mark = m;
        Ok(None)
    }

    // ---- invalid rules ----

    fn invalid_parameters(&mut self, lambda: bool) -> Result<(), Stop> {
        let m = self.mark;
        // param_no_default* invalid_parameters_helper a=param_no_default
        self.many(|p| p.param_no_default(lambda))?;
        let helper = {
            let m2 = self.mark;
            if self.slash_with_default(lambda)?.is_some() {
                true
            } else {
                self.mark = m2;
                self.many(|p| p.param_with_default(lambda))? > 0
            }
        };
        if helper && let Some(a) = self.param_no_default(lambda)? {
            return Err(self.raise_node(&a, "non-default argument follows default argument"));
        }
        self.mark = m;
        // param_no_default* '(' ... ')'
        self.many(|p| p.param_no_default(lambda))?;
        if let Some(a) = self.op("(")? {
            let ok = if lambda {
                // ','.lambda_param+ ','?
                let mut n = 0;
                loop {
                    if self.param(true)?.is_none() {
                        break;
                    }
                    n += 1;
                    let m3 = self.mark;
                    if self.op(",")?.is_none() || !self.lookahead(|p| p.param(true))? {
                        self.mark = m3;
                        break;
                    }
                }
                n > 0
            } else {
                self.many(|p| p.param_no_default(false))? > 0
            };
            if ok {
                self.op(",")?;
                if let Some(b) = self.op(")")? {
                    let (an, bn) = (self.tok_node(a), self.tok_node(b));
                    let what = if lambda {
                        "Lambda expression parameters"
                    } else {
                        "Function parameters"
                    };
                    return Err(self.raise_range(
                        &an,
                        &bn,
                        format!("{what} cannot be parenthesized"),
                    ));
                }
            }
        }
        self.mark = m;
        // "/" ','
        if let Some(a) = self.op("/")?
            && self.op(",")?.is_some()
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "at least one argument must precede /"));
        }
        self.mark = m;
        // (slash_no_default | slash_with_default) param_maybe_default* '/'
        let slash = {
            if self.slash_no_default(lambda)?.is_some() {
                true
            } else {
                self.mark = m;
                self.slash_with_default(lambda)?.is_some()
            }
        };
        if slash {
            self.many(|p| p.param_maybe_default(lambda))?;
            if let Some(a) = self.op("/")? {
                let n = self.tok_node(a);
                return Err(self.raise_node(&n, "/ may appear only once"));
            }
        }
        self.mark = m;
        // [slash...] param_maybe_default* '*' (',' | param_no_default) param_maybe_default* '/'
        if self.slash_no_default(lambda)?.is_none() {
            self.mark = m;
            if self.slash_with_default(lambda)?.is_none() {
                self.mark = m;
            }
        }
        self.many(|p| p.param_maybe_default(lambda))?;
        if self.op("*")?.is_some() {
            let m2 = self.mark;
            let ok = self.op(",")?.is_some() || {
                self.mark = m2;
                self.param_no_default(lambda)?.is_some()
            };
            if ok {
                self.many(|p| p.param_maybe_default(lambda))?;
                if let Some(a) = self.op("/")? {
                    let n = self.tok_node(a);
                    return Err(self.raise_node(&n, "/ must be ahead of *"));
                }
            }
        }
        self.mark = m;
        // param_maybe_default+ '/' '*'
        if self.many(|p| p.param_maybe_default(lambda))? > 0
            && self.op("/")?.is_some()
            && let Some(a) = self.op("*")?
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "expected comma between / and *"));
        }
        self.mark = m;
        Ok(())
    }

    fn invalid_star_etc(&mut self, lambda: bool) -> Result<(), Stop> {
        let m = self.mark;
        let close = self.close(lambda);
        if let Some(a) = self.op("*")? {
            let m2 = self.mark;
            let ok = self.op(close)?.is_some() || {
                self.mark = m2;
                self.op(",")?.is_some() && (self.op(close)?.is_some() || self.op("**")?.is_some())
            };
            if ok {
                if lambda {
                    return Err(
                        self.raise_last(ErrType::Syntax, "named arguments must follow bare *")
                    );
                }
                let n = self.tok_node(a);
                return Err(self.raise_node(&n, "named arguments must follow bare *"));
            }
        }
        self.mark = m;
        if self.op("*")?.is_some()
            && self.param(lambda)?.is_some()
            && let Some(a) = self.op("=")?
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "var-positional argument cannot have default value"));
        }
        self.mark = m;
        if self.op("*")?.is_some() {
            let m2 = self.mark;
            let ok = self.param_no_default(lambda)?.is_some() || {
                self.mark = m2;
                self.op(",")?.is_some()
            };
            if ok {
                self.many(|p| p.param_maybe_default(lambda))?;
                if let Some(a) = self.op("*")? {
                    let m3 = self.mark;
                    let ok2 = self.param_no_default(lambda)?.is_some() || {
                        self.mark = m3;
                        self.op(",")?.is_some()
                    };
                    if ok2 {
                        let n = self.tok_node(a);
                        return Err(self.raise_node(&n, "* argument may appear only once"));
                    }
                }
            }
        }
        self.mark = m;
        Ok(())
    }

    fn invalid_kwds(&mut self, lambda: bool) -> Result<(), Stop> {
        let m = self.mark;
        if self.op("**")?.is_some() && self.param(lambda)?.is_some() {
            let m2 = self.mark;
            if let Some(a) = self.op("=")? {
                let n = self.tok_node(a);
                return Err(self.raise_node(&n, "var-keyword argument cannot have default value"));
            }
            self.mark = m2;
            if self.op(",")?.is_some() {
                let m3 = self.mark;
                if let Some(a) = self.param(lambda)? {
                    return Err(self.raise_node(&a, "arguments cannot follow var-keyword argument"));
                }
                self.mark = m3;
                for op in ["*", "**", "/"] {
                    if let Some(a) = self.op(op)? {
                        let n = self.tok_node(a);
                        return Err(
                            self.raise_node(&n, "arguments cannot follow var-keyword argument")
                        );
                    }
                }
            }
        }
        self.mark = m;
        Ok(())
    }
}
