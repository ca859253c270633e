def outer(x):
    return x * 2


def inner(y):
    return y // 0


print(outer(inner(10)))
