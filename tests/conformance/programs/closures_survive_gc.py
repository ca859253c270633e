# closures and cells must stay alive while referenced only from functions
def make_adders():
    fns = []
    for i in range(50):
        data = [i] * 3
        def f(x, data=data, i=i):
            return x + sum(data) + i
        fns.append(f)
    return fns
adders = make_adders()
junk = [[j] * 10 for j in range(500)]
print([adders[k](1) for k in (0, 1, 25, 49)])
def counter_factory():
    counts = {"n": 0}
    def inc():
        counts["n"] += 1
        return counts["n"]
    return inc
counters = [counter_factory() for _ in range(20)]
for rounds in range(5):
    for c in counters:
        c()
    garbage = [{"k": str(i)} for i in range(100)]
print([c() for c in counters[:3]])
def chain(n):
    if n == 0:
        return lambda: 0
    inner = chain(n - 1)
    return lambda: inner() + n
print(chain(100)())
