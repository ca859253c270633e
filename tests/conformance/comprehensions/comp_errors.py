try:
    print([1 / x for x in [1, 0]])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print({[x]: x for x in range(2)})
except TypeError as e:
    print(type(e).__name__, e)
try:
    print({[x] for x in range(2)})
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([x for x in 42])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([a for a, b in [(1, 2), (3,)]])
except ValueError as e:
    print(type(e).__name__, e)
try:
    print([undefined for x in range(2)])
except NameError as e:
    print(type(e).__name__, e)
print([x for x in range(3) if x != 1])
