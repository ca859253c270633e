a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (2, "c")]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 1), ("v", 2)]
recs.sort(key=lambda r: r[1])
print(recs)
recs.sort(key=lambda r: r[1], reverse=True)
print(recs)
print(sorted([3.5, -1, 2, 10 ** 20, 0.0, True]))
print(sorted([[2, 1], [1, 2, 3], [1, 2], []]))
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted(range(5, 0, -1)))
print(sorted([], reverse=True), sorted([1]), sorted([2, 1], key=None))
print(sorted([-3, 1, -2, 4], key=abs), sorted([-3, 3, -3, 3], key=abs))
data = list(range(20))
data.sort(key=lambda v: v % 3)
print(data)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda v: v / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda v: v)
except TypeError as e:
    print(type(e).__name__, e)
