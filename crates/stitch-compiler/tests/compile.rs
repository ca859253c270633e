//! Compiler smoke tests: programs compile, stack depths are consistent, and the
//! errors the compiler itself raises carry CPython's messages.

use stitch_compiler::{Mode, compile};

fn ok(src: &str) -> String {
    match compile(src, "t.py", Mode::Module) {
        Ok(c) => c.disassemble(),
        Err(e) => panic!("compile failed: {e:?}\n{src}"),
    }
}

fn err(src: &str) -> String {
    match compile(src, "t.py", Mode::Module) {
        Ok(_) => panic!("expected an error for {src}"),
        Err(e) => e.msg,
    }
}

#[test]
fn compiles_the_statement_forms() {
    let src = r#"
import sys
from os import path as p
x, *y = [1, 2, 3]
a = b = {1: 2, **{}}
a[0] += 1
class C(object, metaclass=type):
    z = 1
    def m(self, q=1, *args, k, **kw):
        return super().m(*args, **kw)
def gen(n):
    for i in range(n):
        if i % 2:
            continue
        yield i
    else:
        pass
    while n:
        n -= 1
        break
def outer():
    v = 0
    def inner():
        nonlocal v
        v += 1
        return [v for _ in range(3) if _]
    return inner
try:
    pass
except (ValueError, TypeError) as e:
    print(e)
else:
    pass
finally:
    print("f")
with open("x") as f, open("y"):
    pass
assert x, "m"
del a
lambda: (yield)
f"{x!r:>{10}} {y=}"
async def co():
    async with a as b:
        await b
    async for i in b:
        pass
    return [i async for i in b]
"#;
    let d = ok(src);
    assert!(d.contains("LOAD_METHOD"), "{d}");
    assert!(d.contains("handler"), "{d}");
}

#[test]
fn scope_errors_have_cpython_messages() {
    assert_eq!(err("def f():\n    x = 1\n    global x\n"), "name 'x' is assigned to before global declaration");
    assert_eq!(err("def f():\n    nonlocal q\n"), "no binding for nonlocal 'q' found");
    assert_eq!(err("nonlocal q\n"), "nonlocal declaration not allowed at module level");
    assert_eq!(err("return 1\n"), "'return' outside function");
    assert_eq!(err("break\n"), "'break' outside loop");
    assert_eq!(err("continue\n"), "'continue' not properly in loop");
    assert_eq!(err("def f(a, a): pass\n"), "duplicate argument 'a' in function definition");
    assert_eq!(err("f(a=1, a=2)\n"), "keyword argument repeated: a");
}

#[test]
fn tokenizer_limits() {
    let deep = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
    assert_eq!(err(&deep), "too many nested parentheses");
    assert_eq!(err("x = (1,\n"), "'(' was never closed");
    assert_eq!(err("x = )\n"), "unmatched ')'");
    assert_eq!(err("x = 1\0\n"), "source code cannot contain null bytes");
}
