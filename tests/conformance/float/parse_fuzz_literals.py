seed = 7
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed >> 33
alphabet = '0123456789+-._eEjJxXoObBpPinfatyINFATY ()\t1_'
for k in range(40):
    n = rnd() % 9
    s = ''.join(alphabet[rnd() % len(alphabet)] for _ in range(n))
    out = [repr(s)]
    for f in (lambda: int(s, 0), lambda: int(s, 16), lambda: int(s), lambda: float(s), lambda: complex(s), lambda: float.fromhex(s)):
        try:
            out.append(repr(f()))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__[0])
    print(' '.join(out))
