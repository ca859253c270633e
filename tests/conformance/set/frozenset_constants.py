# Constant folding as CPython 3.11's AST optimizer does it: sets of constants
# iterated or tested with `in` are frozenset constants (lists are tuples), set
# displays of more than two constants are a frozenset merged into a new set
# (which decides their order), and arithmetic on constants folds within
# CPython's limits. co_consts shows what was folded.
def consts(src, mode="eval"):
    return compile(src, "<s>", mode).co_consts


print(consts("x in {1, 2, 3}"), consts("x not in {'a', 'b'}"), consts("x in [1, 2, 3]"))
print(consts("x in {1, y, 3}"), consts("x in [1, y]"), consts("x in {1, 2} < y"), consts("y < x in {1, 2}"))
print(consts("x in {*a, 1}"), consts("x in {}"), consts("x in {1}"))
print(consts("for i in {5, 1, 3}: pass", "exec"), consts("for i in [5, 1]: pass", "exec"))
def folded(src):
    return [c for c in consts(src, "exec") if isinstance(c, (frozenset, tuple))]


print(folded("[i for i in {5, 1, 3}]"), folded("[i for i in {5, 1, 3} for j in [1, 2]]"))
print(folded("[i for i in [5, 1, 3]]"), folded("{i: j for i in {1, 2, 3} for j in {'a', 'b'}}"))
print(consts("{1, 2, 3}"), consts("{1, 2}"), consts("[1, 2, 3]"), consts("[1, 2]"), consts("{1, 2, 3, *x}"))
print(consts("{1, 1.0, True, 2}"), consts("{(1, 2), (), 'a', b'b', 1j, 2.5, 'xyz'}"))

for x in [1, 4, "a", (), 2.0]:
    print(x, x in {1, 2.0, 3}, x not in {"a", ()}, x in ["a", 4])
try:
    [] in {1, 2, 3}
except TypeError as e:
    print("TypeError", e)
for i in {100, 5, 33, -7, 8}:
    print(i, end=" ")
print([c for c in {"spam", "eggs", "ham", "x"}], sorted({c for c in {3, 1, 2}}))
s = {"spam", "eggs", "ham", "x", "y"}
print(s, {"ham", "x", "spam", "eggs", "y"} == s, frozenset({9, 17, 1, 33}))
print({10, 18, 2, 26, 34}, {-1, -2, 1, 2, 0}, {1.5, 0.5, 2.5, -0.0, 0.0})
print({"a" * 3, "b" + "c", 2 ** 10, 7 // 2, -7 % 3, 1 << 40, 5 | 2})

exprs = [
    "2 ** 64", "2 ** 65", "3 ** 80", "10 ** 30", "10 ** 40", "0 ** 1000", "7 ** 0", "2 ** -1",
    "-5 >> 1", "-5 >> 100", "5 >> 2 ** 70", "-1 << 3", "1 << 127", "1 << 128", "3 << 127", "1 << -1",
    "6 & -3", "-6 | 5", "-6 ^ 5", "True & True", "True | False", "True ^ True", "True & 2", "True + True",
    "~True", "-True", "+False", "not 0", "not ()", "not 'a'", "not None", "not 0.0", "not 1j",
    "7 // -2", "-7 // 2", "-7 % 3", "7 % -3", "1 // 0", "1 % 0", "7 / 2", "1 / 3", "2 ** 60 / 3",
    "7.5 // 2", "-7.5 % 2", "7.5 % -2", "1e20 // 3.0", "1e20 % 7", "5 // 0.0", "-0.0 % 5", "0.0 // -3",
    "1e308 * 10", "True + 1.5", "(2 ** 64) * (2 ** 64)", "(2 ** 64) * (2 ** 63)",
    "'ab' * 3", "'é' * 4096", "'é' * 4097", "'a' * -1", "'' * 10 ** 30", "'' * -5", "3 * 'x'", "'a' * True",
    "b'ab' * 3", "b'a' + b'b'", "(1,) + (2,)", "(1, 2) * 128", "(1, 2) * 129", "((1, 2), 3) * 100", "() * 10 ** 30",
    "'a' + 'b' * 2", "'%s' % 1", "1 + 'a'",
    "123456789012345678901234567890123456789012345678901234567890 + 1",
]
for e in exprs:
    c = consts(e)
    try:
        v = eval(e)
    except Exception as ex:
        v = type(ex).__name__
    print(e, "->", c if len(repr(c)) < 80 else (type(c[0]).__name__, len(c[0])), v if len(repr(v)) < 60 else len(v))
