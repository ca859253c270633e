def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 42, 1000)])
x = 5
if x:
    print("truthy int")
if not x - 5:
    print("zero is falsy")
if []:
    print("never")
elif {}:
    print("never either")
else:
    print("empty containers are falsy")
if x > 3:
    if x > 4:
        if x > 5:
            print("nope")
        else:
            print("nested else")
if x == 5: print("single line")
y = "yes" if x > 0 else "no"
print(y)
z = "a" if x > 10 else "b" if x > 4 else "c"
print(z)
print(1 if True else 1 / 0, 0 if False else "lazy")
