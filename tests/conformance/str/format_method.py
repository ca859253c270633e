# str.format and str.format_map: field names, numbering, attributes, indices,
# conversions, nested specs and the parser's errors.
class P:
    x = 3
    y = [10, 20]
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p!"
def run(fmt, *a, **k):
    try:
        print(repr(fmt), "->", repr(fmt.format(*a, **k)))
    except Exception as e:
        print(repr(fmt), "!!", type(e).__name__, e)

run("{} {} {}", 1, "a", [2])
run("{0} {1} {0}", "x", "y")
run("{a} {b}", a=1, b=2)
run("{0.x} {0.y[1]} {0!r} {0!s} {0!a}", P())
run("{d[key]} {d[1]} {l[0]}", d={"key": "v", 1: "one", "1": "str1"}, l=[5])
run("{0[ 0 ]} {0[-1]}", {" 0 ": "sp", "-1": "neg"})
run("{:{}} {:{}{}}", "abc", 5, "x", "<", 4)
run("{0:{1}} {0:{2}}", 3.14159, ".2f", "^9")
run("{{}} {{{0}}} }}{{", 7)
run("{!r:>8}|{!s:<6}|", "q", "w")
run("{:%}", 0.5)
run("{0:,} {0:_x} {0:#o}", 123456789)
run("{:}", "x")
run("{!a}", "é€😀")
run("{0[:]}", {":": "colon"})
run("{0[}]}", {"}": "brace"})
run("{١}", "a", "b")
run("a{0}b{1}c", "X", "Y")
for bad in ["{", "}", "{0", "{0:", "{0!", "{0!r", "{0!rr}", "{0!x}", "{0!}", "{0!\x01}", "{5}", "{}{}", "{0}{}", "{}{0}",
            "{a}", "{a.}", "{0[0]x}", "{0[}", "{0:{1:{2}}}", "{a{}", "{0:{", "{0[a]}", "{0.x}", "{99999999999999999999}",
            "{0:d}", "x}y", "{0.}", "{0[]}", "{0..x}"]:
    run(bad, [1], "s", "")
for m in [{"a": 1}, {}, 5, [], {"a": {"b": 2}}]:
    for fmt in ["{a}", "{}", "{0}", "{a[b]}", "x"]:
        try:
            print(repr(fmt), repr(m), "->", repr(fmt.format_map(m)))
        except Exception as e:
            print(repr(fmt), repr(m), "!!", type(e).__name__, e)
class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} is {age}".format_map(Missing(name="Ann")))
print("{0} {x}".format(1, x=2, y=3), "{}".format(1, 2, 3), "".format(1))
print(f"{3.14159:.2f} {'s'!r:>5} {10:#x} {1e3:g} {-5:+} {2**64:,}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|{'ab':^{w}}|{42:0{w}d}")
