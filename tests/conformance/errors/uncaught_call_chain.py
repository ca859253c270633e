def level_three(values):
    return values[10]


def level_two(values):
    total = 0
    total += level_three(values)
    return total


def level_one():
    data = [1, 2, 3]
    return level_two(data)


print("start")
level_one()
