def deeply():
    if True:
        for i in range(1):
            while True:
                                    value = [1, 2][i + 5]


deeply()
