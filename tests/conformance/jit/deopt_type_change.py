# A hot loop whose operand types change mid-loop: int -> float -> str -> big int.
def mix(values):
    total = values[0]
    for v in values[1:]:
        total = total + v
    return total

print(mix(list(range(200))))
print(mix([1] * 100 + [0.5] * 100))
print(mix(["a"] * 150 + ["b"] * 10))
print(mix([2**62] * 50 + [1] * 100))

def compare_all(xs):
    n = 0
    for i in range(len(xs) - 1):
        if xs[i] < xs[i + 1]:
            n += 1
    return n

print(compare_all(list(range(300)) + [0.5, 1.5, 2.5] + ["x", "y"][:0]))
print(compare_all([3.0, 1.0] * 100 + [1, 2, 3]))
try:
    compare_all([1] * 200 + ["a"])
except TypeError as e:
    print("TypeError:", e)

# Attribute loads where the receiver's shape changes inside the loop.
class P:
    def __init__(self, x):
        self.x = x

class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x

objs = [P(i) for i in range(150)] + [Q(i) for i in range(150)]
s = 0
for o in objs:
    s += o.x
print(s)
