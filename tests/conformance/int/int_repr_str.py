for v in [0, 7, -7, 10 ** 18, -(10 ** 18), 2 ** 64, -(2 ** 100), 1_000]:
    print(v, repr(v), str(v), len(str(v)))
print(str(-0), repr(+0), str(int("-000")))
print([1, -2, 10 ** 20], (3,), {1: -1})
print(bin(10), oct(10), hex(10), bin(-10), hex(-(2 ** 70)))
print(str(255) + "!", repr(10 ** 25) + "?", str(-3).zfill(5), str(42).rjust(6, "."))
