s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(s[3])
except IndexError as e:
    print(type(e).__name__, e)
try:
    print(s[-4])
except IndexError as e:
    print(type(e).__name__, e)
try:
    print(""[0])
except IndexError as e:
    print(type(e).__name__, e)
try:
    print(s[2 ** 70])
except IndexError as e:
    print(type(e).__name__, e)
try:
    s.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.upper = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(chr(-1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(chr(0x110000))
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(ord("ab"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(ord(""))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(ord(65))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(chr("a"))
except TypeError as e:
    print(type(e).__name__, e)
print(s)
