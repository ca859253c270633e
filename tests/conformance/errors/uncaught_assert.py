x = 1
assert x == 1, "fine"
assert x == 2, "x should be 2, got " + str(x)
