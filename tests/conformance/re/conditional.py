# Conditional groups (?(id)yes|no) by number and name.
import re

cases = [
    (r"(a)?(?(1)b|c)", ["ab", "c", "ac", "b"]),
    (r"(?P<q><)?\w+(?(q)>)", ["<tag>", "tag", "<tag", "tag>"]),
    (r"^(\()?\d+(?(1)\))$", ["(12)", "12", "(12", "12)"]),
    (r"(a)?(?(1)b)c", ["abc", "c", "ac"]),
    (r"(?:(a)|b)(?(1)x|y)", ["ax", "by", "ay", "bx"]),
    (r"(a)*(?(1)b|c)", ["aab", "c", "aac"]),
    (r"(?:(a)|(b))+(?(1)A|B)", ["abA", "baA", "bbB"]),
    (r"((?(2)a|b))(x)?", ["b", "bx"]),
]
for p, subjects in cases:
    for s in subjects:
        m = re.match(p, s)
        print(repr(p), repr(s), m and (m.group(), m.groups()))
for bad in [r"(?(1)a|b)", r"(a)(?(2)a|b)", r"(?(x)a)", r"(a)(?(1)a|b|c)", r"(?(0)a)", r"(?(-1)a)", r"(a)(?(1a)b)"]:
    try:
        re.compile(bad)
        print("ok", bad)
    except re.error as e:
        print("error", bad, "|", e)
