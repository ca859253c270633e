a = "foo"
b = "bar"
print(a + b, a + "" + b, "" + "", a * 3, 3 * a, a * 0, a * -2, "" * 100, repr("ab" * 1))
print(a * True, (a + b) * 2, "-" * 20)
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
t = s
s += "x"
print(t, s)
print("a" "b" + "c", ("x" * 3) + ("y" * 2))
try:
    print("a" + 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 + "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a" * "b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a" * 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a" - "b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("abc" * (2 ** 63))
except OverflowError as e:
    print(type(e).__name__, e)
except MemoryError as e:
    print(type(e).__name__, e)
try:
    s = "x"
    s += None
except TypeError as e:
    print(type(e).__name__, e)
