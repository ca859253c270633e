def compute():
    counter_value = 10
    return counter_valu + 1


compute()
