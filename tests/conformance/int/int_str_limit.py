# CPython limits int<->str conversion of decimal strings to 4300 digits
n = 10 ** 4299
print(len(str(n)))
try:
    s = str(10 ** 4300)
    print(len(s))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 4300) % 97)
try:
    print(repr(-(10 ** 5000)))
except ValueError as e:
    print(type(e).__name__, e)
x = 2 ** 20000
print(x % 1000, x.bit_length(), hex(x)[:10], len(hex(x)))
print(int("f" * 5000, 16) % 1000)
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
