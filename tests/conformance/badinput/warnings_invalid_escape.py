# Invalid escape sequences in string literals are DeprecationWarnings (3.11),
# given through the warnings module while compiling: recorded with their line,
# and under an "error" filter turned into the SyntaxError at the string.
import warnings


def show(src, mode="exec"):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        try:
            compile(src, "case.py", mode)
            r = "ok"
        except SyntaxError as e:
            r = f"{type(e).__name__} {e.msg!r} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.text!r}"
    print(repr(src), mode, r)
    for w in ws:
        print("   ", w.category.__name__, str(w.message), w.filename, w.lineno)


def err(src, mode="exec"):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "case.py", mode)
            r = "ok"
        except SyntaxError as e:
            r = f"{type(e).__name__} {e.msg!r} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.text!r}"
        except Warning as e:
            r = f"{type(e).__name__} {e}"
    print("E", repr(src), mode, r)


CASES = [
    r"x = '\d'",
    r"x = b'\d'",
    r"x = '\8\9'",
    r"x = '\400'",
    r"x = '\777' '\q'",
    r"x = b'\N{DASH}'",
    r"x = b'\u1234'",
    r"x = f'\{6}'",
    r"x = f'a\d{1}\w'",
    r"x = rf'\d{1}'",
    r"x = f'{1}\d' '\w'",
    "x = '''a\nb\\dc'''",
    "x = 1\ny = '\\d' if x is 1 else 0x1for",
    "x = 1 is 1\ny = '\\z'",
    "x = '\\z'\ny = 1 is 1",
    "x = 1if 1 else '\\z'",
    "x = '\\z' +\n",
    "x = '\\z'\n)",
    "x = '\\é'",
    "x = '\\\\d'",
    r"x = '\N{EM DASH}\d'",
    r"x = f'{x!r:\d}'",
    "def f():\n    return '\\d'",
    "  '\\d'",
    "'\\d' '\\e'",
    "x = [0x1for x in y]",
    "print(f'{1}' f'\\{{')",
]
CASES += [
    "x = '\\d' b'x'",
    "x = '\\d' '\\N{nope}'",
    "f('\\d' for x in y, 1)",
    "f(x for x in y, '\\d')",
    "'\\d' = 1",
    "if x:\n'\\d'",
    "x = '\\d'\n  y = 2",
    "def f(:\n '\\d'",
    "x = ['\\d' '\\e' 1]",
    "x = 1\nx += '\\d' yield",
    "x = '\\d'; y = '\\e' +",
    "x = '\\u00e9\\x41\\101\\0\\12\\\n\\a\\b\\f\\n\\r\\t\\v\\'\\\"'",
    "x = b'\\x41\\101\\0\\a\\b\\f\\n\\r\\t\\v'",
    "x = '\\N{LATIN SMALL LETTER A}\\U0001F600\\u00e9'",
    "x = f'{1:\\>10}'",
    "x = f'\\N{DIGIT ONE}{2}\\c'",
    "x = F'{{\\d}}'",
    "x = Rb'\\d' + BR'\\e' + u'\\f\\g'",
]
for c in CASES:
    show(c)
for c in CASES:
    err(c)
show("'\\d'\n", "eval")
err("'\\d' + '\\e'\n", "eval")
show("x = '\\d'\n", "single")
err("x = '\\d'\n", "single")
