# invalid escape sequences are only a (hidden by default) DeprecationWarning in 3.11
x = "\d\w\s\["
print(x, len(x))
print("\q" == "\\q")
