import sys
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print(type(e).__name__, e)
count = 0
def measure():
    global count
    count += 1
    measure()
try:
    measure()
except RecursionError:
    print("max depth reached:", 985 <= count <= 1000)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
print(depth(4500))
sys.setrecursionlimit(100)
try:
    depth(200)
except RecursionError as e:
    print("limit 100:", e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit("10")
except TypeError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(1000)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
print("still alive", depth(50))
