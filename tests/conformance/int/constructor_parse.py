# int(text, base): whitespace, signs, prefixes, underscores, Unicode digits, limits, errors.
cases = ['x'*300, '1'*5000+'x', '1'*5000+' x', '١٢', '0x1g', '  -0b1_0  ', '0b_1', '0_b1', '0x', '0b12', '+', '-', '', '0_', '_0', '00', '0_0', '010', '1\u00a0', '\u3000 5 ', '+-1', '1e5', '٣', '𝟕', '12\x00', '\x1c1', '1\x1c', '1\x0b', '\x0c1\r', '1é', '1'*5000+'é', ' 0o17 ', '0O17', '0X1F', '0B11', '- 1', '+ 1', '1_000_000', '1__0', '0x_1_f', '0x__1', 'z', 'Z', '  ', '\t', '99999999999999999999999999', '-0', '+0', '0' * 50, '٠x1', '0x١', '1_', '_', '1 2']
for s in cases:
    for b in [10, 0, 16, 2, 8, 36, 7]:
        try:
            print(repr(s[:20]), b, int(s, b))
        except ValueError as e:
            print(str(e)[:150])
for b in [b'12', b' 12 ', b'1_2', b'\xff', b'0x10', bytearray(b'77')]:
    for base in [10, 0, 16]:
        try:
            print(b, base, int(b, base))
        except ValueError as e:
            print(e)
    try:
        print(b, float(b))
    except ValueError as e:
        print(e)
