# Compile-time warnings of the tokenizer (invalid number literals), the parser
# (invalid escapes) and the compiler ("is" with a literal...) under warnings
# filters: their order, which are given when there is also a syntax error, and
# which error wins when one is made an error.
import sys
import warnings


def run(src, filt, mode="exec"):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        for f in filt:
            warnings.filterwarnings("error", category=f)
        try:
            compile(src, "case.py", mode)
            r = "ok"
        except SyntaxError as e:
            r = f"{type(e).__name__} {e.msg!r} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.text!r}"
    print(repr(src), [f.__name__ for f in filt], r)
    for w in ws:
        print("   ", w.category.__name__, str(w.message), w.lineno)


SRCS = [
    "x = '\\d'\ny = 1if 1 else 2\nz = 1 is 1",
    "x = 1if 1 else '\\d'\nz = 1 is 1",
    "x = '\\d'\ny = (1,\nz = 2 +",
    "x = '\\d'\ny = 0b12",
    "x = '\\d'\ny = 1_",
    "x = ('\\d'\n",
    "x = '\\d' + (\n  1 +\n",
    "x = '\\d'\n  y = 2if 1 else 3\nz = 1if 1 else 2",
    "x = 1 +\ny = '\\d'\nz = 1if 1 else 2",
    "x = 1 is 1\ny = 'a' is 'b'\nz = () is ()",
    "assert (1, 'm')\nx = '\\d'",
    "def f():\n    return 1 is 1\n",
    "x = '\\d' b'x'",
    "x = '\\d' '\\N{nope}'",
    "x = 0o17if 1 else 2",
    "x = 1.5if 1 else 2",
    "x = 1e5if 1 else 2",
    "x = 1jif 1 else 2",
    "x = [0x1for x in y]",
    "x = 1in y",
    "x = 1or y",
    "x = 1and y",
    "x = 1not in y",
    "x = 1is y",
    "x = 1else",
]
SRCS += [
    "x = )\ny = 1if 1 else 2",
    "x = (1 +\ny = 1if 1 else 2\n",
    "x = 1 = '\\d' + 1if 1 else 2",
    "x = '\\z'\n)",
    "x = '\\z' +\n",
    "x = 1\ny = '\\d' if x is 1 else 0x1for",
    "x = '\\d'\ny = '''\n",
    "x = '\\d'\ny = 1 +\nz = 1if 1 else 2",
    "x = '\\d'\n\ty = 1\n        z = 2",
    "x = [\n'\\d',\n0x1for]",
    "def f():\n    x = '\\d'\n  y = 1if 1 else 2",
]
for s in SRCS:
    for filt in ([], [DeprecationWarning], [SyntaxWarning], [DeprecationWarning, SyntaxWarning]):
        run(s, filt)

# Shown by the warnings module (no source line: case.py does not exist).
with warnings.catch_warnings():
    warnings.simplefilter("default")
    compile("x = 1 is 1\ny = '\\d'\nz = 0x1for x in y", "case.py", "exec")
    sys.stderr.flush()
warnings.filterwarnings("error", category=SyntaxWarning)
try:
    exec("print('before')\nx = 1 is 1")
except SyntaxError as e:
    print("exec:", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
warnings.resetwarnings()
warnings.filterwarnings("error", message="invalid escape")
try:
    eval("'\\q'\n")
except SyntaxError as e:
    print("eval:", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
warnings.filterwarnings("error", category=DeprecationWarning)
exec("x = '\\q'")
