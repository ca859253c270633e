def f():
    raise IndexError("from f")


f()
