def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
f = make_fact()
print(f(10), f(25))
def make_even_odd():
    def even(n):
        return n == 0 or odd(n - 1)
    def odd(n):
        return n != 0 and even(n - 1)
    return even, odd
even, odd = make_even_odd()
print(even(10), odd(10), even(7), odd(7))
def y_combinator_like(f):
    return lambda n: f(y_combinator_like(f), n)
fib = y_combinator_like(lambda self, n: n if n < 2 else self(n - 1) + self(n - 2))
print([fib(i) for i in range(12)])
