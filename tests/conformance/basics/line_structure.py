# semicolons, line continuations, comments, implicit joining
a = 1; b = 2; c = 3
print(a, b, c)
total = a + \
    b + \
    c
print(total)
values = [
    1,  # one
    2,  # two
    3,  # trailing comma next
]
print(values)
result = (1 +
          2 +
          3)
print(result)
d = {
    "k": 1,
    "j": 2
}
print(d)
if a == 1: print("one-line if")
for i in range(2): print("one-line for", i)
while False: pass
def f(): return "one-line def"
print(f())
x = 5  # comment after code
# comment line
    # indented comment line is fine
print(x)
