# CPython's limits on nested source: the parser's stack (MemoryError) and the
# compiler's recursion (RecursionError), by kind of nesting.
def attempt(label, src):
    try:
        compile(src, "deep.py", "exec")
        print(label, "compiled")
    except MemoryError as e:
        print(label, "MemoryError", repr(str(e)))
    except RecursionError as e:
        print(label, "RecursionError", e)
    except SyntaxError as e:
        print(label, "SyntaxError", e.msg)


attempt("unary 2500", "x = " + "-" * 2500 + "1")
attempt("unary 4000", "x = " + "-" * 4000 + "1")
attempt("unary 7000", "x = " + "-" * 7000 + "1")
attempt("not 7000", "x = " + "not " * 7000 + "1")
attempt("plus 2500", "x = " + "+".join(["1"] * 2500))
attempt("plus 4000", "x = " + "+".join(["1"] * 4000))
attempt("power 2000", "x = " + "**".join(["1"] * 2000))
attempt("power 4000", "x = " + "**".join(["1"] * 4000))
attempt("lambda 4000", "f = " + "lambda: " * 4000 + "1")
attempt("attribute 5000", "x = a" + ".b" * 5000)
attempt("parens 200", "x = " + "(" * 200 + "1" + ")" * 200)
attempt("parens 201", "x = " + "(" * 201 + "1" + ")" * 201)
attempt("lists 150", "x = " + "[" * 150 + "]" * 150)
