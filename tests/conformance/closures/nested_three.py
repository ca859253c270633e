def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2
print(level1(1)(10)(100))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def modify_outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 10
        inner()
        inner()
    middle()
    return x
print(modify_outer())
def shadow():
    x = "L1"
    def m():
        x = "L2"
        def i():
            return x
        return i()
    return m(), x
print(shadow())
def skip_level():
    x = 0
    def m():
        def i():
            nonlocal x
            x = "set from inner"
        i()
    m()
    return x
print(skip_level())
def cell_and_arg(x):
    def get():
        return x
    x = x * 2
    return get()
print(cell_and_arg(21))
