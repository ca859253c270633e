def countdown(n):
    if n == 0:
        return {}["bottom"]
    return countdown(n - 1)


countdown(50)
