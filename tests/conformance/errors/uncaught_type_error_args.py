def greet(name, greeting):
    return greeting + ", " + name


print(greet("world", "hello"))
print(greet("world"))
