def f(a, b):
    return max(a, b c)
