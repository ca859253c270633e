try:
    print(undefined_name)
except NameError as e:
    print(type(e).__name__, e)
def f():
    return also_undefined
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
try:
    prnt("typo")
except NameError as e:
    print(type(e).__name__, e)
try:
    lenn([1])
except NameError as e:
    print(type(e).__name__, e)
def shadows_builtin():
    len = lambda x: "mine"
    return len([1, 2])
print(shadows_builtin(), len([1, 2]))
