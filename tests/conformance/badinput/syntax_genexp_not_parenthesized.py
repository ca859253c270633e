items = [1, 2, 3]
print(sum(x for x in items, 1))
