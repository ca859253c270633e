def documented(a, b=1):
    "A docstring."
    return a
print(documented.__name__, documented.__doc__, documented.__defaults__, documented.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__)
l = lambda: 0
print(l.__name__, l.__qualname__, l.__doc__)
def no_doc():
    x = "not a docstring"
    return x
print(no_doc.__doc__)
print(len.__name__, print.__name__)
