def get_items():
    return [1, 2, 3]


value = get_items()[7]
