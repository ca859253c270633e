squares = [i * i for i in range(100000)]
print(len(squares), squares[-1], sum(squares))
evens = {i: i // 2 for i in range(0, 20000, 2)}
print(len(evens), evens[19998])
mods = {i % 1000 for i in range(50000)}
print(len(mods), min(mods), max(mods))
table = [[r * c for c in range(50)] for r in range(50)]
print(sum([sum(row) for row in table]), table[49][49])
