# Loops the trace optimizer specialises (guards removed from what earlier ops and
# the loop's own previous iterations prove), then values whose types change late.

def float_then_int(n, switch):
    # x is a float for `switch` iterations, then an int, then a str.
    x = 0.5
    total = 0.0
    for i in range(n):
        total = total + x * x
        if i == switch:
            x = 3
        if i == switch + 5:
            x = 2.5
    return total

print(float_then_int(2000, 999))
print(float_then_int(300, 10))

def becomes_str(n):
    x = 1.0
    out = []
    for i in range(n):
        y = x + x
        if i == 1000:
            x = "s"
        out.append(y)
    return out[-1], len(out)

try:
    print(becomes_str(1500))
except TypeError as e:
    print("TypeError:", e)

def int_overflow(n):
    # small ints that grow past the machine range mixed with float arithmetic.
    a = 1
    f = 0.0
    for i in range(n):
        a = a * 3
        f = f + 0.5 * i
        if a > 10**30:
            a = a // 10**25
    return a, f

print(int_overflow(3000))

def int_add_overflow(n):
    a = 2**61
    b = 1
    c = 0
    for i in range(n):
        c = a + b
        b = b + b
    return c

print(int_add_overflow(100))

def mixed(n):
    # the same op sees int + float, then float + float, then int + int.
    s = 0
    for i in range(n):
        if i < 500:
            s = s + 1.5
        elif i < 1000:
            s = s + i
        else:
            s = int(s) + i
    return s

print(mixed(1500))

def list_subscripts(rows, n):
    acc = 0.0
    for k in range(n):
        r = rows[k % len(rows)]
        acc += r[0] * r[1] + r[0] - r[1]
    return acc

rows = [[1.0, 2.0], [3.0, 4.0], [0.5, 0.25]] * 10
print(list_subscripts(rows, 3000))
rows[7] = (5.0, 6.0)          # a tuple among the lists
print(list_subscripts(rows, 3000))
rows[8] = [7.0]               # too short: IndexError
try:
    print(list_subscripts(rows, 3000))
except IndexError as e:
    print("IndexError:", e)
rows[8] = [1, 2**70]          # a big int element
print(list_subscripts(rows, 3000))

def store_subscripts(v, n):
    for k in range(n):
        i = k % len(v)
        v[i] = v[i] * 0.5 + 1.0
        v[i - 1] = v[i] + v[i - 1]
    return v

print(store_subscripts([1.0, 2.0, 3.0, 4.0], 2000))
print(store_subscripts([1, 2.0, 3, 4.0], 2000))

def comparisons(n):
    x = 0.0
    hits = 0
    for i in range(n):
        x = x + 0.25
        if x < 100.0:
            hits += 1
        if i == 1200:
            x = 10**20
    return hits, x

print(comparisons(2000))

def unbound(n):
    z = 0.0
    for i in range(n):
        if i > 1500:
            z = y + z
        y = i * 2.0
        z = y + y
        if i == 1500:
            del y
    return z

try:
    unbound(2000)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def nan_and_inf(n):
    x = 1e300
    y = 0.0
    for i in range(n):
        y = x * x - x * x
        x = x + 1.0
    return y, x

print(nan_and_inf(1000))

def divide(vals, n):
    t = 0.0
    for i in range(n):
        t = t + 1.0 / vals[i % len(vals)]
    return t

print(divide([1.0, 2.0, 4.0], 2000))
try:
    print(divide([1.0, 2.0, 4.0] * 100 + [0.0], 2000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
