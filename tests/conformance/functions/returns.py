def nothing():
    pass
def bare():
    return
def early(x):
    if x > 0:
        return "positive"
    elif x < 0:
        return "negative"
    return "zero"
def multi():
    return 1, [2], "three"
def loop_return(items):
    for i in items:
        if i == 3:
            return "found 3"
    return "not found"
def while_return():
    n = 0
    while True:
        n += 1
        if n == 5:
            return n
print(nothing(), bare(), early(1), early(-1), early(0), multi(), loop_return(range(5)), loop_return([]), while_return())
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(30), fact(0))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
