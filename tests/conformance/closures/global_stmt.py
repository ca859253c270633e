g = 1
def read():
    return g
def write():
    global g
    g = 2
def write_new():
    global fresh
    fresh = "created"
print(read())
write()
print(g, read())
write_new()
print(fresh)
def shadow():
    g = "local"
    return g
print(shadow(), g)
def global_in_nested():
    def inner():
        global g
        g = "from inner"
    inner()
print(g)
global_in_nested()
print(g)
counter = 0
def bump():
    global counter
    for _ in range(5):
        counter += 1
bump()
bump()
print(counter)
def del_global():
    global fresh
    del fresh
del_global()
try:
    print(fresh)
except NameError as e:
    print(type(e).__name__, e)
