funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
i = 100
print([f() for f in funcs])
funcs2 = []
for j in range(3):
    funcs2.append(lambda j=j: j)
print([f() for f in funcs2])
def make(n):
    return lambda: n
funcs3 = [make(k) for k in range(3)]
print([f() for f in funcs3])
comp = [lambda: m for m in range(3)]
print([f() for f in comp])
def outer():
    fs = []
    x = "first"
    fs.append(lambda: x)
    x = "second"
    fs.append(lambda: x)
    return fs
print([f() for f in outer()])
def rebinding():
    v = 1
    def show():
        return v
    v = 2
    r1 = show()
    v = 3
    return r1, show()
print(rebinding())
