def build(keys):
    return {k: {k: len(k)} for k in keys}


print(build(["a", "bb"]))
print(build(["a", 5]))
