# the switch between fixed and exponent notation in repr
x = 1.0
for i in range(25):
    print(x, -x)
    x *= 10
x = 1.0
for i in range(10):
    print(x)
    x /= 10
print(9999999999999998.0, 9999999999999999.0, 1e16 - 2, 1e16 + 2)
print(0.0001, 0.00009999, 0.000099999999999999999)
print(1.5e16, 1.5e15, 2.5e-5, 2.5e-4)
print(123e18, 123e-18, 1.0e+300 * 1e8)
print(float("1e16"), float("1E+16"), float("100000000000000000000"))
