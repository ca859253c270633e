# Operators the optimizer fuses with the loads of their operands (locals,
# constants) and the store of their result, failing in every way they can: the
# fused op must hand tier 1 the stack it expects at the operator.

def int_ops(n, k, m):
    a = 1
    b = 3
    s = 0
    for i in range(n):
        a = a * b            # local * local -> local; overflows to a big int
        if a > 10**40:
            a = a % 1000003
        s = s + (i << k)     # shift by a local that grows out of the fast range
        s = s ^ (i & 255)
        s = s - (s // m)     # floor division by a local that becomes 0
        if i == 600:
            k = 40
        if i == 1200:
            m = 0
    return a, s

try:
    print(int_ops(2000, 3, 7))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(int_ops(1000, 2, -3))

def float_ops(n):
    f = 1.0
    g = 0.5
    h = 0.0
    for i in range(n):
        f = f * g + 1.0
        h = f / g            # local / local -> local; g becomes 0.0
        h = h - 2.5 * f
        if i == 1500:
            g = 0.0
    return f, h

try:
    print(float_ops(2000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def const_div(n):
    t = 0.0
    x = 3.0
    for i in range(n):
        y = x / 2.0
        t = t + y / 3.0 - x * 0.25
        x = x + 1.0
        if i == 1000:
            x = 7          # an int now: the float forms must not be used
        if i == 1300:
            x = 2**80      # a big int
    return t, x

print(const_div(2000))

def mixed_consts(n):
    t = 0
    for i in range(n):
        t = t + 1        # int + int const
        u = t * 0.5      # int * float const: mixed
        t = t - 1 + i % 3
        if i == 900:
            t = t + 0.5  # t becomes a float
    return t, u

print(mixed_consts(2000))

def accumulate(xs):
    lo = 0
    hi = 0
    for x in xs:
        lo = lo + x
        hi = hi | x
        lo = lo & 0xFFFFFFFFFFFF
    return lo, hi

print(accumulate(list(range(3000))))
print(accumulate(list(range(3000)) + [2**62, -2**62, 2**100]))

def nan_inf(n):
    a = 1e308
    b = 0.0
    for i in range(n):
        b = a * 10.0
        c = b - b
        a = a * 1.0
    return b, c

print(nan_inf(1000))

def compare_jumps(n):
    nan = float("nan")
    counts = [0] * 8
    x = 0.0
    k = 0
    for i in range(n):
        x = x + 0.5
        k = k + 3
        if x < 300.0:
            counts[0] += 1
        if not x >= 200.0:
            counts[1] += 1
        if x != nan:
            counts[2] += 1
        if x == nan or nan <= x:
            counts[3] += 1
        if k % 7 == 3:
            counts[4] += 1
        if not k > 1500:
            counts[5] += 1
        if 100 <= i:
            counts[6] += 1
        if i == 1500:
            x = 5        # an int: float comparisons of mixed operands
            k = 2**70    # a big int: int comparisons deopt
        if i == 1700:
            x = "x"
    return counts

try:
    print(compare_jumps(2000))
except TypeError as e:
    print("TypeError:", e)
print(compare_jumps(1200))

def while_loop(limit, step):
    i = 0
    t = 0.0
    while i < limit:
        t = t + step
        if t > 1000.0:
            t = t - 1000.0
        i = i + 1
    return i, t

print(while_loop(3000, 0.75))
print(while_loop(3000, 3))

def subscripts(v, n):
    t = 0.0
    j = 0
    for i in range(n):
        a = v[j]          # local list, local index
        b = v[-1]         # negative constant index
        t = t + a * b + v[0]
        j = j + 1
        if j == len(v):
            j = 0
        if i == 1200:
            j = 5 - len(v)   # a negative index from now on
        if i == 1500:
            j = len(v)       # out of range: IndexError from tier 1
    return t

try:
    print(subscripts([1.0, 2.0, 3.0, 4.5], 2000))
except IndexError as e:
    print("IndexError:", e)

def shrinking(v, n):
    t = 0
    for i in range(n):
        t = t + v[3] + v[i % 4]
        if i == 700:
            v.pop()
            v.pop()          # v[3] is now out of range
    return t

try:
    print(shrinking([1, 2, 3, 4, 5], 1000))
except IndexError as e:
    print("IndexError:", e)
