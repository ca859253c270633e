# Lookahead assertions, with captures inside, negations, and in repeats.
import re

cases = [
    (r"\w+(?=,)", "a, bb, ccc."), (r"\w+(?!,)", "a, bb, ccc."), (r"(?=(\w+))\w", "abc"),
    (r"(?=(a+))a*b\1", "baaabac"), (r"(?!a)\w", "abc"), (r"(?=.*\d)(?=.*[a-z])\w{4,}", "ab1 abcd ab12"),
    (r"q(?!u)", "quit qat"), (r"(?=a)*", "aaa"), (r"(?:(?=a)a)+", "aaa"), (r"(?!)", "abc"), (r"(?=)", "ab"),
    (r"(a)(?!\1)", "aab"), (r"(?=(a))?b", "ab b"), (r"x(?=(y)|(z))", "xz"), (r"(?!(a)b)a", "ac ab"),
    (r"(?=(?P<n>\d))\d+", "a12"), (r"(?:(?!ab).)+", "xxabyyab"), (r"\b(?!un)\w+", "undo redo unit"),
    (r"^(?=.*foo)(?!.*bar).*", "foo baz"), (r"^(?=.*foo)(?!.*bar).*", "foo bar"),
]
for p, s in cases:
    print(repr(p), repr(s), [(m.span(), m.groups()) for m in re.finditer(p, s)])
print(re.sub(r"(?=\d{3}(?!\d))", ",", "1234567"))
print(re.sub(r"\B(?=(\d{3})+(?!\d))", ",", "1234567890"))
print(re.split(r"(?=[A-Z])", "HelloWorldFooBar"))
