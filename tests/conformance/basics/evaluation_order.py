log = []
def v(tag, value=None):
    log.append(tag)
    return tag if value is None else value
def show(label):
    print(label, log)
    log.clear()
def f(*args, **kwargs):
    return args, kwargs
f(v("a"), v("b"), k=v("c"), *[v("d")], **{"e": v("e")})
show("call arguments:")
d = {v("k1"): v("v1"), v("k2"): v("v2")}
show("dict display:")
r = v("left", 1) + v("right", 2) * v("mul", 3)
show("binary operators:")
lst = [0, 0]
lst[v("index", 0)] = v("value", 5)
show("subscript assignment:")
x = v("x", [1, 2])[v("i", 1)]
show("subscript load:")
t = (v("t1"), [v("l1"), v("l2")], v("t2"))
show("nested displays:")
c = v("c1", 1) < v("c2", 2) < v("c3", 0) < v("c4", 5)
show("chained comparison (short-circuits):")
z = v("cond", 0) if v("test", False) else v("else", 1)
show("conditional expression:")
s = {v("s1"), v("s2")}
show("set display:")
print([v("comp" + str(i)) for i in range(3)] and None)
show("comprehension:")
y = -v("neg", 5) ** v("exp", 2)
show("power and unary:")
print(y, r, x, c, z)
