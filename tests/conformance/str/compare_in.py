pairs = [("a", "b"), ("b", "a"), ("a", "a"), ("a", "ab"), ("ab", "a"), ("", ""), ("", "a"), ("Z", "a"),
         ("abc", "abd"), ("é", "z"), ("😀", "\uffff"), ("a\x00", "a"), ("10", "9"), ("apple", "Apple")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
print(max("hello"), min("hello"), sorted("hello"), sorted(["b", "A", "a", "B", "_", "1"]))
print("ell" in "hello", "hello" in "ell", "" in "", "x" not in "abc")
try:
    print("a" < 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < "a")
except TypeError as e:
    print(type(e).__name__, e)
print("a" == 1, "1" != 1, "abc" == "abc", "abc" != "abd")
