print(str(1), str(-1.5), str(None), str(True), str([1, "a"]), str((1,)), str({"a": [1]}), str(""), str())
print(repr(1), repr("a"), repr([1, "a", None]), repr(("x", 2.5)), repr({1: "b"}))
print(str(range(3)), repr(range(1, 10, 2)), str(len), str(print) == "<built-in function print>")
print(str(int), str(float), str(type(None)), str(type), str(str))
print(str(str("x")), str(10 ** 20), str(1e20), str(-0.0))
x = [1, 2]
x.append(x)
print(x, str(x), repr(x))
d = {}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
def f():
    pass
print(str(f).startswith("<function f at "), repr(lambda: 0).startswith("<function <lambda> at "))
print(chr(65) + chr(0x263A) + chr(0x1F600), [chr(i) for i in (9, 10, 127)], ord("A"), ord("\n"))
print(list("héllo"), tuple("ab"), "".join(reversed("abc")))
