def add(a, b):
    return a + b


total = add(
    1,
    add("x",
        2),
)
