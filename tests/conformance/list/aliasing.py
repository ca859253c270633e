a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a[:]
c.append(5)
print(a, c)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    lst.append("x")
    return lst
r = mutate(a)
print(a, r)
outer = [[1], [2]]
shallow = outer[:]
shallow[0].append(99)
shallow[1] = "replaced"
print(outer, shallow)
x = y = []
x.append(1)
print(x, y)
