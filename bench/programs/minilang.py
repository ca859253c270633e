"""Tokenizer, parser and tree-walking interpreter for a small language.

Models a scripting-language implementation: source text is tokenised with
a hand-written scanner, parsed by recursive descent with precedence
climbing into an AST of node objects, and evaluated with lexical
environments, first-class functions, closures, while loops and lists.
Stresses string scanning, dict-based environments, dynamic dispatch via
a method table, deep recursion and exceptions used for ``return``.
"""

from _harness import main

SOURCE = """
fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }

fn make_counter(step) {
  let count = 0;
  fn tick() { count = count + step; return count; }
  return tick;
}

fn is_prime(n) {
  if n < 2 { return false; }
  let d = 2;
  while d * d <= n { if n % d == 0 { return false; } d = d + 1; }
  return true;
}

fn map(f, xs) {
  let out = [];
  let i = 0;
  while i < len(xs) { push(out, f(xs[i])); i = i + 1; }
  return out;
}

fn fold(f, acc, xs) {
  let i = 0;
  while i < len(xs) { acc = f(acc, xs[i]); i = i + 1; }
  return acc;
}

fn range(a, b) { let out = []; while a < b { push(out, a); a = a + 1; } return out; }

fn sort(xs) {
  # insertion sort, in place
  let i = 1;
  while i < len(xs) {
    let v = xs[i];
    let j = i - 1;
    while j >= 0 and xs[j] > v { xs[j + 1] = xs[j]; j = j - 1; }
    xs[j + 1] = v;
    i = i + 1;
  }
  return xs;
}

let scale = SCALE;
let f = fib(scale + 10);
let c = make_counter(3);
let k = 0;
while k < scale * 10 { c(); k = k + 1; }
let primes = 0;
let n = 0;
while n < scale * 150 { if is_prime(n) { primes = primes + 1; } n = n + 1; }
let squares = map(fn (x) { return x * x % 97; }, range(0, scale * 20));
let total = fold(fn (a, b) { return a + b; }, 0, squares);
let sorted = sort(squares);
let s = "";
let w = 0;
while w < 20 { s = s + str(w % 7); w = w + 1; }
print("fib", f, "counter", c(), "primes", primes);
print("total", total, "median", sorted[len(sorted) / 2], "s", s, "neg", -(3 - 10) * 2, not (1 == 2));
"""

KEYWORDS = {"fn", "let", "if", "else", "while", "return", "true", "false", "and", "or", "not"}
TWO_CHAR = {"==", "!=", "<=", ">="}


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in " \t\r\n":
            i += 1
        elif ch == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif ch.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("num", int(src[i:j])))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("kw" if word in KEYWORDS else "name", word))
            i = j
        elif ch == '"':
            j = src.index('"', i + 1)
            tokens.append(("str", src[i + 1:j]))
            i = j + 1
        elif src[i:i + 2] in TWO_CHAR:
            tokens.append(("op", src[i:i + 2]))
            i += 2
        else:
            tokens.append(("op", ch))
            i += 1
    tokens.append(("eof", None))
    return tokens


# AST nodes are tuples: (kind, ...) dispatched through Interpreter methods.
BINARY_PREC = {"or": 1, "and": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
               "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, value):
        tok = self.next()
        if tok[1] != value:
            raise SyntaxError("expected %r, got %r" % (value, tok))
        return tok

    def program(self):
        stmts = []
        while self.peek()[0] != "eof":
            stmts.append(self.statement())
        return stmts

    def block(self):
        self.expect("{")
        stmts = []
        while self.peek()[1] != "}":
            stmts.append(self.statement())
        self.next()
        return stmts

    def statement(self):
        kind, value = self.peek()
        if kind == "kw":
            if value == "fn" and self.tokens[self.pos + 1][0] == "name":
                self.next()
                name = self.next()[1]
                params, body = self.function_rest()
                return ("let", name, ("fn", params, body, name))
            if value == "let":
                self.next()
                name = self.next()[1]
                self.expect("=")
                expr = self.expression(0)
                self.expect(";")
                return ("let", name, expr)
            if value == "if":
                self.next()
                cond = self.expression(0)
                then = self.block()
                other = []
                if self.peek()[1] == "else":
                    self.next()
                    other = [self.statement()] if self.peek()[1] == "if" else self.block()
                return ("if", cond, then, other)
            if value == "while":
                self.next()
                cond = self.expression(0)
                return ("while", cond, self.block())
            if value == "return":
                self.next()
                expr = self.expression(0)
                self.expect(";")
                return ("return", expr)
        expr = self.expression(0)
        if self.peek()[1] == "=":
            self.next()
            value_expr = self.expression(0)
            self.expect(";")
            if expr[0] == "var":
                return ("assign", expr[1], value_expr)
            if expr[0] == "index":
                return ("setindex", expr[1], expr[2], value_expr)
            raise SyntaxError("bad assignment target")
        self.expect(";")
        return ("expr", expr)

    def function_rest(self):
        self.expect("(")
        params = []
        while self.peek()[1] != ")":
            params.append(self.next()[1])
            if self.peek()[1] == ",":
                self.next()
        self.next()
        return params, self.block()

    def expression(self, min_prec):
        left = self.unary()
        while True:
            kind, op = self.peek()
            prec = BINARY_PREC.get(op) if kind in ("op", "kw") else None
            if prec is None or prec <= min_prec:
                return left
            self.next()
            right = self.expression(prec)
            left = ("and" if op == "and" else "or" if op == "or" else "bin", op, left, right)

    def unary(self):
        kind, value = self.peek()
        if value == "-" and kind == "op":
            self.next()
            return ("neg", self.unary())
        if value == "not" and kind == "kw":
            self.next()
            return ("not", self.unary())
        return self.postfix(self.primary())

    def postfix(self, expr):
        while True:
            value = self.peek()[1]
            if value == "(":
                self.next()
                args = []
                while self.peek()[1] != ")":
                    args.append(self.expression(0))
                    if self.peek()[1] == ",":
                        self.next()
                self.next()
                expr = ("call", expr, args)
            elif value == "[":
                self.next()
                idx = self.expression(0)
                self.expect("]")
                expr = ("index", expr, idx)
            else:
                return expr

    def primary(self):
        kind, value = self.next()
        if kind == "num" or kind == "str":
            return ("const", value)
        if kind == "name":
            return ("var", value)
        if kind == "kw":
            if value == "true":
                return ("const", True)
            if value == "false":
                return ("const", False)
            if value == "fn":
                params, body = self.function_rest()
                return ("fn", params, body, "<lambda>")
        if value == "(":
            expr = self.expression(0)
            self.expect(")")
            return expr
        if value == "[":
            items = []
            while self.peek()[1] != "]":
                items.append(self.expression(0))
                if self.peek()[1] == ",":
                    self.next()
            self.next()
            return ("list", items)
        raise SyntaxError("unexpected %r" % ((kind, value),))


class Env:
    __slots__ = ("vars", "parent")

    def __init__(self, parent):
        self.vars = {}
        self.parent = parent

    def find(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env
            env = env.parent
        raise NameError(name)


class Function:
    def __init__(self, params, body, env, name):
        self.params = params
        self.body = body
        self.env = env
        self.name = name


class Return(Exception):
    def __init__(self, value):
        self.value = value


def fmt(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    return str(v)


class Interpreter:
    def __init__(self):
        self.output = []
        self.calls = 0
        self.globals = Env(None)
        builtins = {
            "print": lambda *a: self.output.append(" ".join(fmt(x) for x in a)),
            "len": len,
            "push": lambda xs, v: xs.append(v),
            "str": fmt,
        }
        self.globals.vars.update(builtins)
        self.stmt_table = {"let": self.s_let, "assign": self.s_assign, "setindex": self.s_setindex,
                           "if": self.s_if, "while": self.s_while, "return": self.s_return,
                           "expr": self.s_expr}
        self.expr_table = {"const": self.e_const, "var": self.e_var, "bin": self.e_bin, "and": self.e_and,
                           "or": self.e_or, "neg": self.e_neg, "not": self.e_not, "call": self.e_call,
                           "index": self.e_index, "list": self.e_list, "fn": self.e_fn}

    def exec_block(self, stmts, env):
        table = self.stmt_table
        for s in stmts:
            table[s[0]](s, env)

    def eval(self, e, env):
        return self.expr_table[e[0]](e, env)

    def s_let(self, s, env):
        env.vars[s[1]] = self.eval(s[2], env)

    def s_assign(self, s, env):
        env.find(s[1]).vars[s[1]] = self.eval(s[2], env)

    def s_setindex(self, s, env):
        self.eval(s[1], env)[self.eval(s[2], env)] = self.eval(s[3], env)

    def s_if(self, s, env):
        if self.eval(s[1], env):
            self.exec_block(s[2], Env(env))
        elif s[3]:
            self.exec_block(s[3], Env(env))

    def s_while(self, s, env):
        cond, body = s[1], s[2]
        while self.eval(cond, env):
            self.exec_block(body, Env(env))

    def s_return(self, s, env):
        raise Return(self.eval(s[1], env))

    def s_expr(self, s, env):
        self.eval(s[1], env)

    def e_const(self, e, env):
        return e[1]

    def e_var(self, e, env):
        return env.find(e[1]).vars[e[1]]

    def e_bin(self, e, env):
        op = e[1]
        a = self.eval(e[2], env)
        b = self.eval(e[3], env)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a // b
        if op == "%":
            return a % b
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        if op == ">=":
            return a >= b
        if op == "==":
            return a == b
        if op == "!=":
            return a != b
        raise ValueError(op)

    def e_and(self, e, env):
        return self.eval(e[2], env) and self.eval(e[3], env)

    def e_or(self, e, env):
        return self.eval(e[2], env) or self.eval(e[3], env)

    def e_neg(self, e, env):
        return -self.eval(e[1], env)

    def e_not(self, e, env):
        return not self.eval(e[1], env)

    def e_index(self, e, env):
        return self.eval(e[1], env)[self.eval(e[2], env)]

    def e_list(self, e, env):
        return [self.eval(x, env) for x in e[1]]

    def e_fn(self, e, env):
        return Function(e[1], e[2], env, e[3])

    def e_call(self, e, env):
        fn = self.eval(e[1], env)
        args = [self.eval(a, env) for a in e[2]]
        if not isinstance(fn, Function):
            return fn(*args)
        self.calls += 1
        frame = Env(fn.env)
        frame.vars.update(zip(fn.params, args))
        try:
            self.exec_block(fn.body, frame)
        except Return as r:
            return r.value
        return None


def run(scale):
    src = SOURCE.replace("SCALE", str(scale))
    tokens = tokenize(src)
    ast = Parser(tokens).program()
    interp = Interpreter()
    interp.exec_block(ast, interp.globals)
    return interp.output + ["tokens %d calls %d" % (len(tokens), interp.calls)]


if __name__ == "__main__":
    main(run, normal=15, short=2)
