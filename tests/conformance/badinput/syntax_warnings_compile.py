# compile() gives CPython 3.11's SyntaxWarnings (file case.py does not exist, so
# no source line is shown), then the code still compiles.
import sys
SOURCES = [
    "x = 1\nprint(x is 1)",
    "y = x is not ()",
    "f = lambda: (1, 2) (3, 4)",
    "g = [1, 2] [1.5]",
    "h = 'abc' ['x']",
    "k = None [0]",
    "m = {1} [0]",
    "n = (x for x in []) [0]",
    "p = 1 if True else 2; q = 1if True else 2",
    "assert (x, 'message')",
    "z = -1 is x",
    "w = x is 'a' 'b'",
]
for src in SOURCES:
    code = compile(src, "case.py", "exec")
    print("compiled", type(code).__name__)
    sys.stderr.flush()
