print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1.5, 2.5]), sum([1, 2.5]), sum((True, True, False)))
print(sum([1, 2], 10), sum([], 5), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([0.1] * 10))
print(sum([10 ** 20, 1, -(10 ** 20)]), sum([1e100, 1.0, -1e100]), sum([2 ** 63, 2 ** 63]), sum(range(10), start=-45))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0, 1]), any("a"), all(""))
print(any([x > 3 for x in [1, 5]]), all([x > 0 for x in [1, 2]]), any([[]]), all([[]]), any(range(0, 2)), all(range(1, 3)))
calls = []
def check(v):
    calls.append(v)
    return v
print(any([check(0), check(1)]), calls)
tests = [lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: sum(5), lambda: sum([[1]]),
         lambda: any(5), lambda: all(None), lambda: sum(["a"]), lambda: sum([1], "")]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
