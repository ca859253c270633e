# re.error from the parser: messages, positions, line/column, attributes.
import re

bad = [
    "(", ")", "a)", "(a", "[a", "[", "[]", "*", "a**", "a++*", "+a", "a{2,1}", "a{99999999999}", "(?P<1>a)",
    "(?P<a>a)(?P<a>b)", "(?P=a)", "(?P<a", "(?P", "(?<", "(?#abc", r"\k", r"\c", r"a\9", r"\u12", r"\U00110000",
    r"\N{NOPE}", r"[b-a]", r"[\d-z]", r"(?<=a*)", "(?", "(?P>x)", "x{2}{3}", r"\x1", r"[\x]", "(?i)(?s", "a|*",
    "(?P<a-b>x)", "(?(1", "(?(1)a|b|c)", "(?'x')", "\\", "[a-\\w]", "(?<=(?i)a)", "a(?i)", "(?x)(?i)a",
]
for p in bad:
    try:
        re.compile(p)
        print("compiled", repr(p))
    except OverflowError as e:
        print(repr(p), "|", "OverflowError", e)
    except re.error as e:
        print(repr(p), "|", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
try:
    re.compile("abc\n(def\nghi")
except re.error as e:
    print(e, e.lineno, e.colno)
try:
    re.compile(b"(?P<\xe9>x)")
except re.error as e:
    print(e)
e = re.error("msg only")
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno)
print(re.error is re.PatternError if hasattr(re, "PatternError") else "no PatternError", re.error.__module__)
print(issubclass(re.error, Exception), re.error.__name__)
try:
    re.compile("a", flags="x")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(12)
except TypeError as e:
    print("TypeError", e)
