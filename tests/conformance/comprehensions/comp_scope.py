x = 100
lst = [x for x in range(3)]
print(x, lst)
def f():
    y = 1
    return [y + i for i in range(3)]
print(f())
def g():
    funcs = [lambda: i for i in range(3)]
    return [fn() for fn in funcs]
print(g())
def h():
    return [lambda i=i: i for i in range(3)]
print([fn() for fn in h()])
class K:
    v = 5
    items = [1, 2]
    doubled = [i * 2 for i in items]
print(K.doubled)
class L:
    v = 5
    try:
        attempt = [v for _ in range(2)]
    except NameError as e:
        attempt = str(e)
print(L.attempt)
print([i for i in range(3)])
try:
    print(i)
except NameError as e:
    print(type(e).__name__, e)
outer = [1, 2, 3]
print([outer for outer in outer])
