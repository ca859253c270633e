def f():
    x = 1
    def g():
        print(x)
        x = 2
    g()
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
except NameError as e:
    print("NameError", e)
def h():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 5
    return inner()
print(h())
def k():
    def inner():
        nonlocal z
        z = 1
    z = 0
    inner()
    return z
print(k())
