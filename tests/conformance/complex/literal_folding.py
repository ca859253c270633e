print(1 - 0j, 0j - 1, -0j, -(0j), 0 - 0j, 0.0 - 0j, 1 + -0j, 1j * 1j, 2 * 1j, 1j * 2, 1j / 1j, -1j + 0, (-0.0) + 0j)
print(2 ** -1, 2 ** 100, 1 << 100, -2 ** 2, (-2) ** 2, 10 ** -2, 2.0 ** 0.5, -0.0, - 0.0 + 0, 0.1 + 0.2, 7 // -2, -7 % 3, 7.5 // 2, -7.5 % 2)
print(~5, -True, +False, not 0, 3 / 4, 1e308 * 10, 0.1 * 3, 1e-320 / 10, 2 ** 62, 2 ** 63, -2 ** 63, 255 & -16, -1 >> 100, 1 ^ 3 | 4 & 5)
print(0o17, 0x1F, 0b101, 1_000_000, 1_0.0_1, 1e1_0, 0x_ff, 1j.imag, 1E5, 1.e3, .5j, 00, 0_0, 9999999999999999999999999)
def f():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        return str(e)
def g():
    try:
        return 1 % 0
    except ZeroDivisionError as e:
        return str(e)
def h():
    try:
        return 2.0 ** 10000
    except OverflowError as e:
        return str(e)
print(f(), g(), h())
