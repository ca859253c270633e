# Subscripts with literal and computed slice bounds: small ints, None, negative,
# huge and big-int bounds, steps, on lists, tuples, strs, ranges, bytes and a
# user class that records the slices it receives.

class Rec:
    def __init__(self):
        self.seen = []

    def __getitem__(self, k):
        self.seen.append(k)
        return (k.start, k.stop, k.step)

    def __setitem__(self, k, v):
        self.seen.append((k, v))


data = list(range(10))
seqs = [data, tuple(data), "abcdefghij", range(10), b"0123456789", bytearray(b"xyzxyzxyzx")]
bounds = [None, 0, 1, 3, -1, -3, 9, 10, 11, 100, -100, 2**40, -2**40, 2**70, -2**70]
steps = [None, 1, 2, -1, -2, 3, 2**70, -2**70]
for s in seqs:
    out = []
    for a in bounds:
        for b in bounds:
            out.append(s[a:b])
    for a in bounds[:8]:
        for st in steps:
            out.append(s[a::st])
            out.append(s[:a:st])
    print(type(s).__name__, len(out), str(out)[:200], len(str(out)))

for k in range(4):
    print(data[:k + 1], data[k::-1], data[k:k], "abcdef"[k:-k or None])

r = Rec()
print(r[1:2], r[1:2], r[:], r[::-1], r[None:None:None], r[True:False])
first, second = r.seen[0], r.seen[1]
print(first == second, first.start, first.stop, first.step, type(first).__name__)
print(first.indices(5), r.seen[3].indices(7))
r[1:3] = "x"
r[0:0] = []
print([type(x).__name__ for x in r.seen], r.seen[-2][1])

# slices built by the subscript are ordinary slices
class Keep:
    def __getitem__(self, k):
        return k

keep = Keep()
sl = keep[2:5]
print(sl, sl == slice(2, 5), sl == keep[2:5], slice(2, 5) is slice(2, 5))
print(data[sl], "hello world"[sl], keep[2:5:None], keep[::2], keep[-1:])
try:
    hash(keep[1:2])
except TypeError as e:
    print("TypeError", e)
try:
    data[::0]
except ValueError as e:
    print("ValueError", e)
try:
    data["a":]
except TypeError as e:
    print("TypeError", e)
try:
    data[1.5:]
except TypeError as e:
    print("TypeError", e)

# slice assignment and deletion with shared bounds
perm = list(range(9))
for k in (3, 5, 8, 1):
    perm[:k + 1] = perm[k::-1]
    print(perm)
del perm[::2]
print(perm)
del perm[1:3]
print(perm)
