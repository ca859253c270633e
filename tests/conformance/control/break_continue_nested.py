result = []
for i in range(4):
    if i == 2:
        continue
    j = 0
    while True:
        j += 1
        if j > i:
            break
        if j == 2:
            continue
        result.append((i, j))
print(result)
total = 0
for a in range(5):
    for b in range(5):
        if b > a:
            break
        if (a + b) % 2:
            continue
        total += a * b
print(total)
found = None
for x in range(10):
    for y in range(10):
        if x * y == 42:
            found = (x, y)
            break
    if found:
        break
print(found)
k = 0
while k < 3:
    k += 1
    for z in range(5):
        if z == k:
            break
    else:
        print("never")
print(k, z)
