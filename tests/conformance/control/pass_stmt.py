def empty():
    pass
class Empty:
    pass
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
print(empty(), type(Empty()).__name__, i)
def only_docstring():
    """doc"""
print(only_docstring())
def ellipsis_body():
    ...
print(ellipsis_body(), ..., type(...).__name__)
