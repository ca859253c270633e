def make():
    shared = []
    def add(x):
        shared.append(x)
    def get():
        return list(shared)
    def reset():
        nonlocal shared
        shared = []
    return add, get, reset
add, get, reset = make()
add(1)
add(2)
print(get())
reset()
add(3)
print(get())
add2, get2, _ = make()
add2("other")
print(get(), get2())
def loop_cells():
    fns = []
    for i in range(3):
        def outer(i):
            def inner():
                return i
            return inner
        fns.append(outer(i))
    return [f() for f in fns]
print(loop_cells())
