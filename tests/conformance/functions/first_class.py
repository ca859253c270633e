def add(a, b):
    return a + b
def apply(fn, *args):
    return fn(*args)
ops = [add, max, min, lambda a, b: a * b, pow]
print([apply(op, 3, 4) for op in ops])
table = {"add": add, "neg": lambda x: -x}
print(table["add"](1, 2), table["neg"](5))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(add.__name__, (lambda: 0).__name__, len.__name__, type(add).__name__, type(len).__name__)
alias = add
print(alias(10, 20), alias is add, alias == add, add != len)
def returns_function():
    def inner():
        return "inner called"
    return inner
print(returns_function()())
print(callable(add), callable(len), callable(5), callable("x"), callable(lambda: 0))
def f():
    return f
print(f()()() is f)
