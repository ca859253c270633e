# bytes and bytearray values: construction, repr, indexing, slicing, concatenation,
# repetition, comparison, membership, hashing and iteration.
def run(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print(b"", b"abc", b"a'b", b'a"b', b"a'\"b", b"\x00\x7f\x80\xff", b"\t\n\r\\", bytearray(b"x'y"), bytearray())
print(repr(b"abc"), str(b"abc"), repr(bytearray(b"\x01")), [b"x"], (bytearray(b"y"),))
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], b[-100:2], len(b), list(b), b[:0])
ba = bytearray(b"hello")
print(ba[0], ba[-1], ba[1:3], ba[::-1], len(ba), list(ba))
print(b + b" world", b + bytearray(b"!"), bytearray(b"x") + b"y", b * 2, 3 * b"ab", b"ab" * 0, b"ab" * -2, bytearray(b"ab") * 2)
print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"abc") == b"abc", b"a" == "a", b"abc" != b"abd")
print(b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", bytearray(b"a") < b"b", b"a" <= bytearray(b"a"), b"" < b"\x00")
print(98 in b"abc", 300 in [1], b"bc" in b"abc", b"" in b"abc", bytearray(b"c") in b"abc", 99 in bytearray(b"abc"), b"x" in bytearray(b"x"))
print(hash(b"abc") == hash(b"abc"), hash(b"") == 0, {b"k": 1}[b"k"], b"abc".__hash__() == hash(b"abc"))
for x in b"hi":
    print(x, end=" ")
for x in bytearray(b"yo"):
    print(x, end=" ")
print()
print(bytes(), bytes(3), bytes([65, 66]), bytes(range(3)), bytes(b"xy"), bytes(bytearray(b"z")), bytes("é", "utf-8"), bytes("ab", "ascii"))
print(bytearray(2), bytearray([1, 2]), bytearray("é", "latin-1"), bytes((x for x in [1, 2])), bytes(bytearray(b"q")))
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()), bytes(True), b"%s" % B())
run("bytes(-1)", lambda: bytes(-1))
run("bytes(str)", lambda: bytes("abc"))
run("bytes(str, bad)", lambda: bytes("é", "ascii"))
run("bytes(300)", lambda: bytes([1, 300]))
run("bytearray(300)", lambda: bytearray([256]))
run("bytes(str items)", lambda: bytes([1, "a"]))
run("bytes(float)", lambda: bytes(1.5))
run("bytes(None)", lambda: bytes(None))
run("bytes(b, enc)", lambda: bytes(b"ab", "utf-8"))
run("bytes(3, enc)", lambda: bytes(3, "utf-8"))
run("bytes errors only", lambda: bytes("a", errors="strict"))
run("bytes kw", lambda: bytes(x=1))
run("bytes huge", lambda: bytes(10 ** 20))
run("bytes(enc=1)", lambda: bytes("a", 1))
run("index range", lambda: b"abc"[5])
k_str, k_float = "x", 1.5
run("index str", lambda: b"abc"[k_str])
run("index float", lambda: b"abc"[k_float])
run("ba index range", lambda: bytearray(b"abc")[-4])
run("ba index str", lambda: bytearray(b"abc")["x"])
run("concat str", lambda: b"a" + "b")
run("concat int", lambda: b"a" + 1)
run("ba concat str", lambda: bytearray(b"a") + "b")
run("mul str", lambda: b"a" * "x")
run("mul float", lambda: bytearray(b"a") * 1.5)
run("in str", lambda: "a" in b"abc")
run("in 300", lambda: 300 in b"abc")
run("in -1", lambda: -1 in b"abc")
run("in float", lambda: 1.5 in b"abc")
run("lt str", lambda: b"abc" < "abd")
run("hash ba", lambda: hash(bytearray(b"a")))
run("set ba", lambda: {bytearray(b"a")})
run("b[0] = 1", lambda: b.__setitem__(0, 1))
run("del b[0]", lambda: b.__delitem__(0))
run("dunder getitem none", lambda: b.__getitem__())
run("dunder len arg", lambda: b.__len__(1))
run("dunder eq str", lambda: b.__eq__("x"))
run("dunder eq ba", lambda: b.__eq__(bytearray(b"hello")))
run("ba dunder eq b", lambda: bytearray(b"hello").__eq__(b))
