class Obj:
    pass
o = Obj()
o.a, o.b = 1, 2
print(o.a, o.b)
o.items = [0, 0, 0]
o.items[1], o.items[2] = "x", "y"
print(o.items)
d = {}
d["a"], d["b"] = d["c"] = (1, 2)
print(d)
lst = [[0, 0], [0, 0]]
(lst[0][0], lst[0][1]), lst[1] = (1, 2), [3, 4]
print(lst)
x = [1, 2, 3, 4, 5]
x[1:3], x[0] = ["a", "b", "c"], "first"
print(x)
o.nested = Obj()
o.nested.value = 10
o.nested.value *= 3
print(o.nested.value)
i = j = k = 0
i += 1
print(i, j, k)
