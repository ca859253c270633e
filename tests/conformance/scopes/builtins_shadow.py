print(len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
def use_max():
    return max(1, 2)
print(use_max())
max = min
print(use_max())
del max
print(use_max())
True_ = True
print(True_)
list = "not a list"
print(list)
del list
print(list("ab"))
