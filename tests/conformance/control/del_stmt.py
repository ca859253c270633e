a = 1
b = [1, 2, 3]
c = {"k": 1, "j": 2}
del a
del b[0]
del c["k"]
print(b, c)
x, y, z = 1, 2, 3
del x, y
print(z)
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
class Obj:
    pass
o = Obj()
o.attr = 5
del o.attr
try:
    print(o.attr)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3, 4]
del (lst[0], lst[0])
print(lst)
nested = [[1, 2], [3, 4]]
del nested[0][1], nested[1]
print(nested)
def f():
    local = 1
    del local
    try:
        return local
    except UnboundLocalError as e:
        return type(e).__name__
print(f())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
d = {}
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
for i in range(2):
    pass
del i
try:
    i
except NameError as e:
    print(type(e).__name__, e)
