log = []
class Rec:
    pass
def val(v):
    log.append("val " + str(v))
    return v
def key(k):
    log.append("key " + str(k))
    return k
d = {}
d[key("a")] = d[key("b")] = val(1)
print(d, log)
log.clear()
x = [0, 0, 0]
x[key(0)], x[key(1)] = val(5), val(6)
print(x, log)
log.clear()
a = b = c = val([])
a.append(1)
print(a, b, c, log)
i = 0
arr = [0, 0]
i = arr[i] = 1
print(i, arr)
