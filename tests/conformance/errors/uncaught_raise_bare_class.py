def check(value):
    if value < 0:
        raise ValueError
    return value


check(1)
check(-1)
