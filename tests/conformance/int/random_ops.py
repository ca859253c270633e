# Deterministic pseudo-random int arithmetic across the small/big boundary.
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed

def pick():
    r = rnd()
    kind = r % 7
    if kind == 0:
        return (r >> 8) % 100 - 50
    if kind == 1:
        return (1 << 47) - 2 + (r >> 8) % 4
    if kind == 2:
        return -(1 << 47) - 2 + (r >> 8) % 4
    if kind == 3:
        return (r >> 3) - (1 << 60)
    if kind == 4:
        return ((r << 64) | rnd()) * (1 if r & 1 else -1)
    if kind == 5:
        return 1 << ((r >> 8) % 130)
    return -(1 << ((r >> 8) % 130))

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for i in range(12):
    a, b = pick(), pick()
    print(a, b)
    show("+", lambda: a + b)
    show("-", lambda: a - b)
    show("*", lambda: a * b)
    show("//", lambda: a // b)
    show("%", lambda: a % b)
    show("divmod", lambda: divmod(a, b))
    show("/", lambda: a / b)
    show("&|^", lambda: (a & b, a | b, a ^ b))
    show("~", lambda: (~a, -a, +a, abs(a)))
    s = b % 70
    show("<<>>", lambda: (a << s, a >> s, a >> (s + 64)))
    show("cmp", lambda: (a < b, a <= b, a == b, a != b, a > b, a >= b))
    show("float", lambda: float(a))
    show("hash", lambda: (hash(a), hash(b)))
    show("pow", lambda: a ** (b % 5))
    show("pow3", lambda: pow(a, b % 1000, 97))
    show("pow3neg", lambda: pow(a, -1, 1000003))
    show("bits", lambda: (a.bit_length(), a.bit_count()))
    show("round", lambda: (round(a, -3), round(a, -(b % 30))))
    show("eqf", lambda: (a == float(a), a < float(a), a > float(a)))
