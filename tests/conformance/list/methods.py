a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); print(a)
a.extend("xy"); print(a)
a.extend(range(2)); print(a)
a.insert(0, "first"); print(a)
a.insert(-1, "before last"); print(a)
a.insert(100, "end"); print(a)
a.insert(-100, "start"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("x"); print(a)
print(a.index(2), a.index(1, 2) if 1 in a[2:] else "n/a", a.count(1), a.count("zzz"))
a.reverse(); print(a)
b = a.copy(); b.append("copy"); print(len(a), len(b))
a.clear(); print(a, b[-1])
c = [1, 2, 3, 2, 1]
print(c.index(2), c.index(2, 2), c.index(1, -1), c.count(2))
r = c.append(9)
print(r, c.sort(), c.reverse(), c)
nums = [5, 3, 8]
nums += [1]
print(nums)
nums *= 2
print(nums)
nums[1:3] = []
print(nums, len(nums))
