# Exceptions raised inside hot loops: caught in the loop, escaping the loop,
# and raised from helpers the loop calls.
def safe_div(xs):
    out = 0
    for x in xs:
        try:
            out += 100 // x
        except ZeroDivisionError:
            out -= 1
    return out

print(safe_div([1, 2, 0, 5] * 100))

def escapes(n):
    i = 0
    while True:
        i += 1
        if i > n:
            raise ValueError("stop at %d" % i)

try:
    escapes(1000)
except ValueError as e:
    print(e)

def lookup(d, keys):
    found = 0
    missing = 0
    for k in keys:
        try:
            found += d[k]
        except KeyError:
            missing += 1
    return found, missing

print(lookup({i: i for i in range(0, 300, 2)}, range(300)))

def overflowing():
    x = 1
    for i in range(200):
        x = x * 3
    return x % 1000007

print(overflowing())

def nested_finally():
    log = []
    for i in range(300):
        try:
            if i % 100 == 99:
                continue
            if i == 250:
                break
        finally:
            log.append(i)
    return len(log), log[-3:]

print(nested_finally())
