letters = ["a", "b", "c"]
for i in range(5):
    print(letters[i])
