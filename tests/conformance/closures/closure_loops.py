def make_multipliers():
    return [lambda x, i=i: i * x for i in range(4)]
print([m(2) for m in make_multipliers()])
def counter_in_loop():
    results = []
    for i in range(3):
        def f(i=i):
            return i * 10
        results.append(f)
    return [r() for r in results]
print(counter_in_loop())
def loop_var_cell():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = "after"
    return [f() for f in fs]
print(loop_var_cell())
def while_closure():
    n = 0
    fs = []
    while n < 3:
        fs.append(lambda: n)
        n += 1
    return [f() for f in fs]
print(while_closure())
