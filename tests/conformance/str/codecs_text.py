# str.encode / bytes.decode: native and registry codecs, error handlers (builtin and
# registered), UnicodeError objects, unicode_escape and friends.
def run(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
run("utf-8-sig", lambda: ("x".encode("utf-8-sig"), b"\xef\xbb\xbfx".decode("utf-8-sig"), b"x".decode("utf-8-sig")))
run("unicode_escape", lambda: ("a\té\u20ac\U0001f600\\".encode("unicode_escape"), b"\\t\\x41\\u20ac\\N{BULLET}\\101".decode("unicode_escape")))
run("unicode_escape err", lambda: b"\\x4".decode("unicode_escape"))
run("unicode_escape name", lambda: b"\\N{NOPE}".decode("unicode_escape"))
run("unicode_escape end", lambda: b"abc\\".decode("unicode_escape"))
run("raw_unicode_escape", lambda: ("aé\u20ac".encode("raw_unicode_escape"), b"\\u20ac\\\\u20ac\\x".decode("raw_unicode_escape")))
run("namereplace", lambda: "a\u20ac\U0001f600".encode("ascii", "namereplace"))
try:
    "aé".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
try:
    b"a\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args, str(e))
e = UnicodeEncodeError("ascii", "abc", 0, 3, "r"); print(str(e)); e.start = 1; e.end = 2; print(str(e))
print(repr(UnicodeTranslateError("x", 0, 1, "r")), str(UnicodeTranslateError("xy", 0, 2, "r")))
run("UEE()", lambda: UnicodeEncodeError())
run("UDE str obj", lambda: UnicodeDecodeError("a", "x", 0, 1, "r"))
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "latin-1", "ascii", "utf-8-sig"]:
    for text in ["", "abc", "héllo", "€", "😀x"]:
        try:
            data = text.encode(enc)
            print(enc, ascii(text), data, data.decode(enc) == text)
        except UnicodeError as e:
            print(enc, ascii(text), type(e).__name__, e)
for data, enc in [(b"\xff\xfe\x00", "utf-16"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xdc\x00\x00", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"),
                  (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le"), (b"ab", "utf-32")]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(data, enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeError as e:
            print(data, enc, errors, type(e).__name__, e)
