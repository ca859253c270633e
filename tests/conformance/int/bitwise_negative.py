vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2 ** 70, -(2 ** 70), 2 ** 64 - 1, -(2 ** 63)]
for a in vals:
    print(a, ~a, a & 0xFF, a | 0xF0, a ^ -1, a & -a)
print(-5 & 3, -5 | 3, -5 ^ 3, -5 & -3, -5 | -3, -5 ^ -3)
print(-(2 ** 70) & (2 ** 71 - 1), -(2 ** 70) | 1, (2 ** 70) ^ -(2 ** 70))
print(~(2 ** 100), ~-(2 ** 100))
x = 0b1100
x &= 0b1010; print(bin(x))
x |= 0b0101; print(bin(x))
x ^= 0b1111; print(bin(x))
print(bin(-5), hex(-255), oct(-8), bin(0), hex(2 ** 64), oct(2 ** 70))
print(hex(-(2 ** 64)), bin(2 ** 65 + 1))
print((12).bit_length(), (-12).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
