x = 1
# CPython 3.11 emits a SyntaxWarning at compile time, then runs the program
print(x is 1)
print("after")
