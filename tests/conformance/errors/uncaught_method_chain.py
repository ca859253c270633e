text = "Hello World"
print(text.lower().split()[0].title())
print(text.lower().split()[0].capitalise())
