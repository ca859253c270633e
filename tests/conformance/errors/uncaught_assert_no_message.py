def validate(n):
    assert n > 0
    return n


validate(5)
validate(0)
