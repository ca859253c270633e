# base64 over binascii: standard, urlsafe, base32 (and hex alphabet), base16,
# base85/ascii85, validation and error paths, encodebytes line wrapping.
import base64
import binascii


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd']
for s in samples:
    enc = base64.b64encode(s)
    assert base64.b64decode(enc) == s
    u = base64.urlsafe_b64encode(s)
    assert base64.urlsafe_b64decode(u) == s
    b32 = base64.b32encode(s)
    assert base64.b32decode(b32) == s
    h32 = base64.b32hexencode(s)
    assert base64.b32hexdecode(h32) == s
    b16 = base64.b16encode(s)
    assert base64.b16decode(b16) == s
    b85 = base64.b85encode(s)
    assert base64.b85decode(b85) == s
    a85 = base64.a85encode(s)
    assert base64.a85decode(a85) == s
    print(enc[:24], u[:24], b32[:24], b16[:24], b85[:24], a85[:24])

print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.standard_b64encode(b'abc'), base64.standard_b64decode('YWJj'))
t(base64.b64decode, 'YWJj!', validate=True)
t(base64.b64decode, 'YWJj!')
t(base64.b64decode, 'YWJ')
t(base64.b64decode, 'YWJjZ')
t(base64.b64decode, 'é')
t(base64.b64encode, 'str')
t(base64.b32decode, 'MFRGG===')
t(base64.b32decode, 'mfrgg===')
t(base64.b32decode, 'mfrgg===', casefold=True)
t(base64.b32decode, 'MFRGG')
t(base64.b32decode, 'M1RGG===')
t(base64.b32decode, 'MF0GG===', map01='L')
t(base64.b16decode, '6162')
t(base64.b16decode, '6g')
t(base64.b16decode, 'ab')
t(base64.b16decode, 'ab', casefold=True)
t(base64.a85encode, b'hello world', foldspaces=True, wrapcol=8, adobe=True)
t(base64.a85decode, b'<~BOu!rD]j7BEbo7~>', adobe=True)
t(base64.a85decode, b'BOu!rD]j7BEbo7~>', adobe=True)
t(base64.a85decode, b'z')
t(base64.a85decode, b'y', foldspaces=True)
t(base64.b85decode, b'|NsC0')
t(base64.b85decode, b'\x00')
big = bytes(range(100))
e = base64.encodebytes(big)
print(e.count(b'\n'), len(e.split(b'\n')[0]), base64.decodebytes(e) == big)
t(base64.encodebytes, 'x')
print(binascii.b2a_base64(b'x' * 57).count(b'\n'))
