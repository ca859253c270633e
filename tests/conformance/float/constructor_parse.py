# float() and complex() from text: accepted forms and error messages.
cases = ['x'*300, '1'*5000+'x', '1'*5000+' x', '١٢', '0x1g', '  -0b1_0  ', '0b_1', '0_b1', '0x', '0b12', '+', '-', '', '0_', '_0', '00', '0_0', '010', '1\u00a0', '\u3000 5 ', '+-1', '1e5', '٣', '𝟕', '12\x00', '\x1c1', '1\x1c', '1\x0b', '\x0c1\r', '1é', '1'*5000+'é', ' 0o17 ', '0O17', '0X1F', '0B11', '- 1', '+ 1', '1_000_000', '1__0', '0x_1_f', '0x__1', 'z', 'Z', '  ', '\t', '99999999999999999999999999', '-0', '+0', '0' * 50, '٠x1', '0x١', '1_', '_', '1 2']
for s in cases:
    try:
        print(repr(s[:20]), float(s))
    except ValueError as e:
        print(str(e)[:150])
for s in cases:
    try:
        print(repr(s[:20]), complex(s))
    except ValueError as e:
        print(str(e)[:150])
fcases = ['1.5', '-1.5e10', '1e500', '-1e-500', '  nAn  ', '-iNF', '+infinity', 'infinit', '.5', '5.', '.', '1.e5', '.e5', '1_000.000_1e1_0', '1_.0', '1._0', '1e_1', '0x1p3', '1d5', 'inf_', 'in_f', '-nan', '+-nan', 'nan(1)', '1e+', '1e-5', '1E5', '١.٢', '0.' + '0'*400 + '1', '1' * 400, '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623158e308', '1.7976931348623159e308', '00001.5', '1.5 ', '\u20281.5\u2029', '1.5\x85', '+.5', '-.5e-3', '++1', '1e5.0', '1,5', 'e5', 'E', '1ee5', '1e5e5', 'Infinity1', 'nana', '∞']
for s in fcases:
    try:
        print(repr(s[:30]), repr(float(s)))
    except ValueError as e:
        print(str(e)[:150])
    try:
        print(repr(s[:30]), repr(complex(s)), repr(complex(s + 'j')), repr(complex('1+' + s + 'j')), repr(complex('(' + s + '-' + s + 'J)')))
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
