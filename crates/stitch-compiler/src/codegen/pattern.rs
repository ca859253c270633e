//! The `match` statement.

use ruff_python_ast as ast;

use super::{Compiler, R};

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        Err(self.err("the match statement is not supported yet", m.range))
    }
}
