raise KeyError(42)
