a = [1, 2, 3]
try:
    a.pop(10)
except IndexError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    a.remove(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.index(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.index("x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.append(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.append()
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.extend(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.insert(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.insert("1", 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.sort(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.pop("0")
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.nosuch()
except AttributeError as e:
    print(type(e).__name__, e)
print(a)
