# _codecs and codecs: the registry, per-codec functions, incremental decoding, escapes.
import _codecs as c
import codecs

print(c.utf_8_decode(b"ab\xc3", None, False), c.utf_8_decode(b"ab\xc3\xa9"), c.utf_8_decode(b"ab\xc3", "strict", True) if False else "")
print(c.utf_8_encode("h\xe9\u20ac"), c.ascii_encode("abc"), c.latin_1_encode("\xe9"), c.latin_1_decode(b"\xe9\xff"))
print(c.utf_16_decode(b"\xff\xfea\x00b"), c.utf_16_ex_decode(b"\xff\xfea\x00"), c.utf_16_ex_decode(b"\xfe\xff\x00a"), c.utf_16_le_decode(b"a\x00"))
print(c.utf_16_encode("ab"), c.utf_16_encode("ab", None, 1), c.utf_16_be_encode("a"), c.utf_32_encode("a"), c.utf_32_le_decode(b"a\x00\x00\x00b"))
print(c.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"), c.utf_16_decode(b"\x3d\xd8"), c.utf_16_decode(b"\x3d\xd8\x00\xde", None, True))
print(c.charmap_build("abc"), c.charmap_encode("ab", None, {97: 1, 98: b"zz"}), c.charmap_decode(b"\x00\x01", None, {0: "x", 1: 66}))
print(c.charmap_decode(b"\x01\x00", None, "ab"), c.charmap_decode(b"\xe9"), c.charmap_encode("\xe9"))
print(c.escape_encode(b"a\n\x00\xff\\'\""), c.escape_decode(b"a\\\\n\\x41\\n\\101\\q"), c.escape_decode("\\t"))
print(c.unicode_escape_encode('a\n\u1234\U00012345\xe9\\"\''), c.raw_unicode_escape_encode("a\u1234\xe9"))
print(c.unicode_escape_decode(b"a\\n\\u00e9\\101\\x41\\U0001F600\\q"), c.raw_unicode_escape_decode(b"a\\u00e9\\n\\\\u00e9"))
print(c.readbuffer_encode("abc"), c.readbuffer_encode(b"xy"))
for e in ['c.lookup("nope")', 'c.lookup_error("x")', 'c.register(5)', 'c.utf_8_decode("s")', 'c.encode("a", "nope")',
          'c.charmap_decode(b"\\x05", None, "ab")', 'c.unicode_escape_decode(b"\\\\x4")', 'c.unicode_escape_decode(b"\\\\u12")',
          'c.unicode_escape_decode(b"abc\\\\")', 'c.register_error("x", 5)', 'c.utf_8_encode(b"x")', 'c.ascii_encode("\\xe9")',
          'c.decode(b"\\xff")', 'c.utf_8_decode(b"\\xff")', 'c.charmap_encode("z", None, {})', 'c.escape_decode(b"\\\\x4")',
          'c.escape_decode(b"\\\\")', 'c.lookup(5)', 'c.ascii_decode(b"a\\x80b")', 'c.unicode_escape_decode(b"\\\\U00110000")']:
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, "->", type(x).__name__, x)
print(c.ascii_decode(b"a\x80b", "replace"), c.ascii_decode(b"a\x80b", "ignore"), c.ascii_encode("a\xe9", "xmlcharrefreplace"))
print(c.encode("abc", "utf-16-le"), c.decode(b"a\x00", "utf_16_le"), c.encode("\xe9", "latin-1"), c.decode(b"\xc3\xa9"))
print(c.lookup_error("strict").__name__, c.lookup_error("ignore").__name__, c.lookup_error("backslashreplace").__name__)

info = codecs.lookup("UTF-8")
print(info.name, codecs.lookup("latin1").name, codecs.lookup("utf_16").name, codecs.lookup("cp1252").name)
print(codecs.encode("h\xe9", "cp1252"), codecs.decode(b"\x80\xe9", "cp1252"), codecs.encode("abc", "rot13"), codecs.decode("xyz", "rot_13"))
print(codecs.encode(b"abc", "hex"), codecs.decode(b"616263", "hex"))
print(codecs.encode(b"hi", "base64"), codecs.decode(b"aGk=\n", "base64"))
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xe2\x82")), repr(dec.decode(b"\xac!")), repr(dec.decode(b"", final=True)))
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.utf_8_decode(b"x"))
def search(name):
    if name == "mycodec":
        return codecs.CodecInfo(lambda s, e="strict": (s.upper().encode(), len(s)), lambda b, e="strict": (bytes(b).decode().lower(), len(b)), name="mycodec")
    return None
codecs.register(search)
print(codecs.encode("abc", "mycodec"), codecs.decode(b"XYZ", "mycodec"), codecs.lookup("MyCodec").name)
codecs.unregister(search)
try:
    codecs.lookup("mycodec")
except LookupError as e:
    print("LookupError", e)
codecs.register_error("dash", lambda exc: ("-", exc.end))
print(codecs.lookup_error("dash")(UnicodeEncodeError("ascii", "ab", 0, 1, "r")) if False else "registered")
# str.encode and bytes.decode fall back to the codec registry
print("\u20ac".encode("cp1252"), b"\x80".decode("cp1252", "replace"))
