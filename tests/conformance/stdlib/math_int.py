# math: integer functions on ints of any size, prod, and their errors.
import math

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

for n in [0, 1, 2, 5, 10, 20, 21, 25, 50, 100]:
    show(f"math.factorial({n})")
print(len(str(math.factorial(1000))), math.factorial(500) % (10**20 + 39))
for expr in [
    "math.factorial(-1)", "math.factorial(5.0)", "math.factorial('5')", "math.factorial(10**20)", "math.factorial(True)",
    "math.comb(10, 3)", "math.comb(10, 0)", "math.comb(10, 10)", "math.comb(10, 11)", "math.comb(0, 0)",
    "math.comb(100, 50)", "math.comb(10**20, 2)", "math.comb(10**20, 10**20 - 1)", "math.comb(67, 33)",
    "math.comb(-1, 2)", "math.comb(5, -2)", "math.comb(5.0, 2)", "math.comb(5)", "math.comb(10**30, 10**25)",
    "math.perm(5)", "math.perm(5, 2)", "math.perm(5, 0)", "math.perm(5, 6)", "math.perm(5, None)",
    "math.perm(-5, 2)", "math.perm(5, -1)", "math.perm(10**20, 3)", "math.perm(2**70, 2**65)", "math.perm()",
    "math.gcd()", "math.gcd(12)", "math.gcd(-12)", "math.gcd(12, 18)", "math.gcd(12, -18, 27)", "math.gcd(0, 0)",
    "math.gcd(2**100, 6**50)", "math.gcd(1, 'a')", "math.gcd(1.5)", "math.gcd(True, 4)",
    "math.lcm()", "math.lcm(4)", "math.lcm(-4)", "math.lcm(4, 6)", "math.lcm(4, 6, 10)", "math.lcm(0, 5)",
    "math.lcm(5, 0, 'x')", "math.lcm(2**64, 3**40)", "math.lcm(-3, 4)",
    "math.isqrt(0)", "math.isqrt(1)", "math.isqrt(15)", "math.isqrt(16)", "math.isqrt(10**40 + 1)",
    "math.isqrt(2**127 - 1)", "math.isqrt(-1)", "math.isqrt(4.0)", "math.isqrt(True)",
    "math.prod([])", "math.prod([1, 2, 3, 4])", "math.prod(range(1, 30))", "math.prod([1.5, 2])",
    "math.prod([2, 3], start=10)", "math.prod(['a', 3])", "math.prod([3, 'a'])", "math.prod([[1], 2])",
    "math.prod([], start='s')", "math.prod()", "math.prod([1], 2)", "math.prod([1], foo=2)",
    "math.prod(x for x in [2, 2.5])", "math.prod([10**20, 10**20])",
]:
    show(expr)

class Idx:
    def __index__(self):
        return 6

show("math.factorial(Idx())")
show("math.comb(Idx(), 3)")
show("math.gcd(Idx(), 4)")
show("math.isqrt(Idx())")
