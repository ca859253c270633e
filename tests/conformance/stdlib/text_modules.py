# string, textwrap.
import string, textwrap

print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.capwords("hello   world  again"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}; $$ is a dollar")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("$").substitute()
except ValueError as e:
    print("ValueError", e)
print(t.get_identifiers(), t.is_valid())
f = string.Formatter()
print(f.format("{0}-{name}-{0!r:>5}", "a", name="b"), list(f.parse("x{a.b[0]:>{w}}y")))
print(f.vformat("{a[x]} {b.real}", (), {"a": {"x": 1}, "b": 2}))

text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 40, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world, this is a long line", width=20))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("x\ny\n\nz", "+ ")))
print(textwrap.wrap("short"), textwrap.wrap(""), textwrap.TextWrapper(width=10, break_long_words=False).wrap("abcdefghijklmnop qr"))
