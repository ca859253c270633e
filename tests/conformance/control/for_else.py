def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("inner else never")
    print("outer", i, j)
else:
    print("outer else runs")
for ch in "abc":
    if ch == "b":
        continue
    print(ch)
else:
    print("for else after continue")
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
