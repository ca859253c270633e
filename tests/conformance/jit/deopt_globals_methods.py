# A global rebound and a method redefined while a loop runs hot.
scale = 2

def f(n):
    total = 0
    for i in range(n):
        total += i * scale
        if i == 500:
            rebind()
    return total

def rebind():
    global scale
    scale = 3

print(f(1000))
print(f(1000))

import builtins
real_len = builtins.len
def uses_len(xs):
    t = 0
    for i in range(400):
        t += len(xs)
        if i == 200:
            builtins.len = lambda x: 100
    return t

print(uses_len([1, 2, 3]))
builtins.len = real_len
print(len([1, 2]))

class A:
    def val(self):
        return 1

def redefine():
    A.val = lambda self: 10

def g():
    a = A()
    t = 0
    for i in range(600):
        t += a.val()
        if i == 300:
            redefine()
    return t

print(g())

class B(A):
    pass

def h():
    b = B()
    t = 0
    for i in range(600):
        t += b.val()
        if i == 100:
            A.val = lambda self: -1
        if i == 400:
            B.val = lambda self: 1000
    return t

print(h())
