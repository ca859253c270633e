import sys
try:
    print("a", sep=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", end=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", foo=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a", file=1)
except AttributeError as e:
    print(type(e).__name__, e)
print("ok")
