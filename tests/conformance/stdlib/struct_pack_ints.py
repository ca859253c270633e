# struct: every integer code in the native, little- and big-endian tables
# against range edges, with CPython's messages for each table.
import struct


def t(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


edges = [-2**63 - 1, -2**63, -2**31 - 1, -129, -1, 127, 256, 65536, 2**32,
         2**63, 2**64 - 1, 2**64]
# '@' is the default, '=' matches '<' and '!' matches '>' on this host: a few
# codes of each are enough there.
cases = [(p, 'bBhHiIlLqQ') for p in ['', '<', '>']]
cases += [('', 'nNP'), ('<', 'n'), ('>', 'P'), ('@', 'hQ'), ('=', 'lI'), ('!', 'Hq')]
for prefix, codes in cases:
    for code in codes:
        print('--', prefix + code)
        for v in edges:
            try:
                packed = struct.pack(prefix + code, v)
            except (struct.error, OverflowError) as e:
                print(' ', v, type(e).__name__, e)
            else:
                back = struct.unpack(prefix + code, packed)[0]
                print(' ', v, packed.hex(), back == v)
        t(struct.pack, prefix + code, 1.5)
        t(struct.pack, prefix + code, '1')
        t(struct.pack, prefix + code, True)
