seed = 99
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed >> 33
alphabet = '00112_3456789abcdefzxXoObB+- .\u0663\u00a0\u2003eEpP'
for k in range(40):
    n = rnd() % 10
    s = ''.join(alphabet[rnd() % len(alphabet)] for _ in range(n))
    out = [ascii(s)]
    for base in (0, 2, 8, 10, 16, 36):
        try:
            out.append(str(int(s, base)))
        except ValueError as e:
            out.append('V')
    for f in (lambda: float(s), lambda: complex(s), lambda: float.fromhex(s)):
        try:
            out.append(repr(f()))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__[0])
    print(' '.join(out))
