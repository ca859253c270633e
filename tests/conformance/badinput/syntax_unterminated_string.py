print("ok")
x = "abc
print(2)
