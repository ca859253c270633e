x = "global x"
result = [x for x in range(3)]
print(result, x)
y = 10
squares = [y * i for i in range(3)]
print(squares)
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
i = "outer i"
d = {i: i * 2 for i in range(3)}
print(d, i)
s = {i % 2 for i in range(10)}
print(s, i)
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
def uses_outer_in_nested():
    k = 2
    return [[k * a + b for b in range(2)] for a in range(2)]
print(uses_outer_in_nested())
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
first = [v for v in range(5) if v > 2][0]
print(first)
