raise Exception("first", 2, None)
