for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = [] if False else [1]
print(x)
print((lambda v: "even" if v % 2 == 0 else "odd")(7))
evaluated = []
def side(v):
    evaluated.append(v)
    return v
r = side("a") if side(True) else side("b")
print(r, evaluated)
evaluated.clear()
r = side("a") if side(0) else side("b")
print(r, evaluated)
print([i if i % 2 else -i for i in range(5)])
print(1 + (2 if True else 3) * 10, 1 + 2 if False else 3 * 10)
