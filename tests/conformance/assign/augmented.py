x = 10
x += 1; x -= 2; x *= 3; x //= 2; x %= 7; x **= 2; x <<= 3; x >>= 1; x |= 1; x &= 0xFF; x ^= 0b101
print(x)
f = 1.5
f /= 2; f += 1; f **= 2
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 1
print(d)
nested = [[1, 2], [3, 4]]
nested[1][0] *= 10
nested[0] += [5]
print(nested)
class C:
    pass
c = C()
c.n = 1
c.n += 1
c.lst = []
c.lst += ["x"]
print(c.n, c.lst)
evaluations = []
def idx():
    evaluations.append("idx")
    return 0
arr = [100]
arr[idx()] += 1
print(arr, evaluations)
def container():
    evaluations.append("container")
    return arr
container()[0] -= 50
print(arr, evaluations)
