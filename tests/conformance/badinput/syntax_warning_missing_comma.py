# CPython 3.11 warns at compile time about calling or subscripting a literal, then runs the program
def never_called():
    return [(1, 2) (3, 4)]
def also_never_called():
    return [[1, 2] [3]]
print("the program still runs")
try:
    print("abc"(1))
except TypeError as e:
    print(e)
