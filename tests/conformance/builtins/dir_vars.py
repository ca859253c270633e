import sys
class Base:
    cls_attr = 1
    def method(self):
        pass
class Child(Base):
    other = 2
    def __init__(self):
        self.x = 1
        self.y = 2
c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(vars(c), sorted(vars(Child).keys() - {"__doc__", "__module__", "__dict__", "__weakref__", "__init__"}))
print("__init__" in dir(c), "__class__" in dir(c), dir(c) == sorted(dir(c)))
def f():
    a = 1
    b = 2
    return dir(), sorted(locals()), vars()
print(f())
print([n for n in dir() if not n.startswith("__")])
print("print" in dir(__builtins__), "sys" in globals(), globals() is vars(), type(globals()).__name__)
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir(set()) if not n.startswith("_")])
print([n for n in dir(()) if not n.startswith("_")], [n for n in dir(range(1)) if not n.startswith("_")])
class WithDir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(WithDir()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(e)
try:
    vars(5)
except TypeError as e:
    print(e)
