values = [0, 1, -1, 0.0, 0.5, "", "0", "False", [], [[]], (), ((),), {}, {"": 0},
          None, True, False, range(0), range(3), 10**100, -(10**100)]
for v in values:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
print(not 0, not 1, not "", not "x", not [], not [0])
n = 0
while not n >= 3:
    n += 1
print(n)
