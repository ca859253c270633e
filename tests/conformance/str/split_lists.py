# split/rsplit/splitlines results: whitespace sets, maxsplit, subclasses, ASCII and
# non-ASCII sources, and that the parts behave as ordinary strs (len, hash, dict keys).

samples = [
    "", " ", "a", " a ", "a b  c\td\ne\rf\x0bg\x0ch\x1ci\x1dj\x1ek\x1fl\x85m\xa0n",
    "  leading and trailing  ", "one", "\t\n", "x\u2003y z", "caf\xe9 cr\xe8me  br\xfbl\xe9e",
    "a\x00b c", "emoji \U0001F600 here", "\u3000wide\u3000space\u3000",
]
for s in samples:
    for m in (-1, 0, 1, 2, 100):
        print(repr(s), m, s.split(None, m), s.rsplit(None, m), s.split(maxsplit=m))
    print(s.split(), s.rsplit(), s.split(" "), s.split("a"), s.rsplit(" ", 1))
    print(s.splitlines(), s.splitlines(True), s.splitlines(keepends=False))

lines = "first line\nsecond\r\nthird\rfourth\x0bfifth\x0csixth\x1cseventh\x1d8\x1e9\x85ten\u2028eleven\u2029twelve\n"
print(lines.splitlines())
print(lines.splitlines(True))
print("no newline at end".splitlines(), "\n\n".splitlines(), "\n\n".splitlines(True))


class S(str):
    pass


s = S("alpha beta  gamma\ndelta")
print(s.split(), s.split("a"), s.rsplit(None, 1), s.splitlines(), type(s.split()[0]).__name__)

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, [len(w) for w in words], [w.isascii() for w in words][:3])
print(hash(words[0]) == hash("the"), words[0] == "the", words[0] is not None)
mixed = "na\xefve caf\xe9 plain".split()
print(mixed, [len(w) for w in mixed], [w.isascii() for w in mixed], mixed[0][2], mixed[2][::-1])
print({w: i for i, w in enumerate("a b c a".split())})
for bad in (1, b" "):
    try:
        "a b".split(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    "a b".split("")
except ValueError as e:
    print("ValueError", e)
try:
    str.split(5)
except TypeError as e:
    print("TypeError", e)
big = " ".join(str(i) for i in range(2000))
parts = big.split()
print(len(parts), parts[:3], parts[-3:], sum(map(int, parts)), len(big.split(" ", 1500)))
