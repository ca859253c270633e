values = [3, 1, 0, 2]
ordered = sorted(values, key=lambda v: 10 // v)
