# repr, str, hash, round, divmod and int conversion of floats from random bit patterns.
import struct
seed = 987654321
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed

def f64(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for i in range(16):
    r = rnd()
    if i % 4 == 0:
        x = f64(r)
    elif i % 4 == 1:
        x = (r % 10**12) / 10 ** (r % 17)
    elif i % 4 == 2:
        x = f64((r & ~(0x7ff << 52)) | ((1023 + (r >> 40) % 120 - 60) << 52))
    else:
        x = (r % 2001 - 1000) / 8
    y = f64(rnd()) if i % 3 == 0 else (rnd() % 1000 - 500) / 7
    print(repr(x), str(x), repr(-x))
    show("eval", lambda: float(repr(x)) == x or x != x)
    show("hash", lambda: hash(x))
    show("ops", lambda: (x + y, x - y, x * y))
    show("div", lambda: x / y)
    show("floordiv", lambda: x // y)
    show("mod", lambda: x % y)
    show("divmod", lambda: divmod(x, y))
    show("pow", lambda: x ** 2)
    show("pow.5", lambda: abs(x) ** 0.5)
    show("int", lambda: int(x))
    show("round", lambda: round(x))
    show("round2", lambda: (round(x, 2), round(x, -2), round(x, 5), round(x, 15)))
    show("ratio", lambda: x.as_integer_ratio())
    show("hex", lambda: x.hex())
    show("fromhex", lambda: float.fromhex(x.hex()) == x or x != x)
    show("cmp", lambda: (x < y, x == y, x > y))
    show("is_integer", lambda: x.is_integer())
