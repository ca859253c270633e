total = 0


def add_item(x):
    total += x
    return total


add_item(5)
