print("no trailing newline")
x = 1
print(x + 1)