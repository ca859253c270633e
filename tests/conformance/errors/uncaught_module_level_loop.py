total = 0
for n in [1, 2, "three", 4]:
    total = total + n
print(total)
