# Set displays of constants are built like CPython's compiler builds them (a
# frozenset constant merged into a new set), which decides their order.
print({5, 3, 100, 17, 42, -1, 8}, {42, 8, 99, 1000, 3})
print({(1, 2), (2, 1), (1, 2, 3), ()})
print({-5, -4, -3, -2, -1, 0, 1}, {2**61 - 1, 2**61, 2**61 + 1, -2**61})
print({1.5, 2.5, 0.5, 1.0, 1}, {True, 1, 1.0}, {0, False, 0.0, -0.0})
x = 3
print({5, x, 100, 17, 42, -1, 8}, {1, 2}, {"only"})
print({*[5, 3, 100, 17, 42, -1, 8]}, {*(42, 8, 99, 1000, 3), 7})
