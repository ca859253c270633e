class Box:
    pass
b = Box()
b.value = 1
b.value += 41
print(b.value)
b.items = [1, 2]
b.items[0] += 100
b.items += [3]
print(b.items)
b.d = {"k": 1}
b.d["k"] *= 5
print(b.d)
try:
    print(b.missing)
except AttributeError as e:
    print(type(e).__name__, e)
class Config:
    x = 10
    y = x * 2
print(Config.x, Config.y)
Config.x += 1
print(Config.x, Config().x)
print(type(b).__name__, isinstance(b, Box), type(Box).__name__)
