x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 5
    return x
print(f())
def g():
    if False:
        y = 1
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(g())
def h():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(h())
def aug():
    try:
        x += 1
    except UnboundLocalError as e:
        return str(e)
print(aug())
print(isinstance(UnboundLocalError("x"), NameError))
