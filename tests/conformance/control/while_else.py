n = 0
while n < 5:
    n += 1
else:
    print("while finished normally", n)
n = 0
while n < 5:
    n += 1
    if n == 3:
        break
else:
    print("not printed")
print("broke at", n)
while False:
    print("never")
else:
    print("else of never-run while")
i = 0
evens = []
while i < 10:
    i += 1
    if i % 2:
        continue
    evens.append(i)
else:
    print("continue does not skip else")
print(evens)
count = 0
while True:
    count += 1
    if count >= 1000:
        break
print(count)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
