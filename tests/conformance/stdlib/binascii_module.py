# binascii: hex with separators, base64 (strict and lenient decoding), uu,
# crc32/crc_hqx and the errors, with str and bytes-like arguments.
import binascii as b


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


t(b.hexlify, b'\x01\xab')
t(b.hexlify, 'ab')
t(b.hexlify, b'abcdef', '-')
t(b.hexlify, b'abcdef', b':', 2)
t(b.hexlify, b'abcdef', ':', -2)
for per in [-4, -3, -2, -1, 1, 2, 3, 4, 5, 6]:
    t(b.hexlify, b'abcde', '-', per)
t(b.hexlify, b'abcde', '::')
t(b.hexlify, b'', '-')
t(b.b2a_hex, b'xyz')
t(b.hexlify, b'abcdef', 1)
t(b.hexlify, b'abc', bytes_per_sep=2)
t(b.hexlify, data=bytearray(b'ab'))
t(b.b2a_hex, b'\x00\xff', sep=b'|')
t(b.unhexlify, b'01ab')
t(b.unhexlify, '01AB')
t(b.unhexlify, b'0')
t(b.unhexlify, b'0g')
t(b.unhexlify, 'é1')
t(b.a2b_hex, bytearray(b'ff'))
t(b.unhexlify, 5)
t(b.unhexlify, hexstr='0a')

t(b.crc32, b'hello')
t(b.crc32, b'hello', 5)
t(b.crc32, b'hello', -1)
t(b.crc32, b'hello', 2**40)
t(b.crc32, b'')
t(b.crc32, b'x' * 1000, b.crc32(b'y'))
t(b.crc32, 'x')
t(b.crc32, b'a', crc=3)
t(b.crc32)
t(b.crc_hqx, b'hello', 0)
t(b.crc_hqx, b'abc', -1)
t(b.crc_hqx, b'abc', 70000)
t(b.crc_hqx, b'hello')

for data in [b'', b'h', b'he', b'hel', b'hell', b'hello', bytes(range(256))]:
    enc = b.b2a_base64(data)
    print(enc[:40], b.a2b_base64(enc) == data, b.b2a_base64(data, newline=False) == enc[:-1])
t(b.b2a_base64, 'x')
t(b.b2a_base64, b'ab', False)
t(b.b2a_base64, b'ab', newline=0)
for data in [b'aGVsbG8=\n', 'aGVsbG8=', b'aGVsbG8', b'aGVsb', b'a', b'aG!VsbG8=', b'aGVsbA==YQ',
             b'aGVsbA=', b'YQ=  =', b'aGVsbG8=x', b'', b'====', b'YQ', b'YQ=', b'YWI=', b'\xff',
             'aé', b'YW\nJj', b'Y=Q==']:
    t(b.a2b_base64, data)
    t(b.a2b_base64, data, strict_mode=True)
t(b.a2b_base64, b'YQ==', True)
t(b.a2b_base64, 3)

t(b.b2a_uu, b'hello')
t(b.b2a_uu, b'x' * 45)
t(b.b2a_uu, b'x' * 46)
t(b.b2a_uu, b'\x00\x00', backtick=True)
t(b.b2a_uu, b'')
t(b.b2a_uu, b'', backtick=True)
for data in [b'%:&5L;&\\ \n', b'', b'\n', b' \n', b'!80\n', b'!80  xx\n', b'!8\x7f', b'#86)C\n',
             b'$86)C', b'"````\n', '%:&5L;&\\\n']:
    t(b.a2b_uu, data)

print(b.Error.__mro__, b.Incomplete.__mro__, b.Error.__module__)
try:
    b.unhexlify(b'1')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, e)
