x = "global"
def outer():
    x = "outer local"
    def use_global():
        global x
        return x
    def use_nonlocal():
        nonlocal x
        x = "changed by nonlocal"
        return x
    r1 = use_global()
    r2 = use_nonlocal()
    return r1, r2, x
print(outer(), x)
def set_global_from_nested():
    def inner():
        global x
        x = "set in inner"
    inner()
set_global_from_nested()
print(x)
def read_before_assign_in_other_scope():
    y = 1
    def inner():
        return y + 1
    y = 10
    return inner()
print(read_before_assign_in_other_scope())
