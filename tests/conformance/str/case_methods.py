words = ["hello world", "HELLO", "hElLo wOrLd", "they're bill's friends", "123abc", "", "a", "ÉCOLE", "ǆemal",
         "straße", "hello_world-foo bar", "o'neil mc3d"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print("abc".isupper(), "ABC".isupper(), "AbC".islower(), "abc1".islower(), "123".isupper(), "".islower())
print("Hello World".istitle(), "Hello world".istitle(), "".istitle(), "A1 B2".istitle())
