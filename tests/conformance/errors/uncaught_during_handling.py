data = {}
try:
    data["missing"]
except KeyError:
    print("handling the KeyError")
    1 / 0
