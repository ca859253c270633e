divide = lambda a, b: a / b
print(divide(1, 2))
print(divide(1, 0))
