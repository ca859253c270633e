# heapq, bisect, copy, keyword.
import heapq, bisect, copy, keyword

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 4), heapq.heapreplace(h, 0), h)
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, "hello"), heapq.nlargest(2, [(1, "a"), (3, "b")], key=lambda t: t[0]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0])), list(heapq.merge(["b", "a"], ["c"], key=str.upper, reverse=True)))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)

a = [1, 2, 4, 4, 7]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect_left(a, 8))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a, bisect.bisect_left(a, 4, 0, 3), bisect.bisect([("a", 1), ("c", 2)], ("b", 0)))
print(bisect.bisect_left([1, 3, 5], 6, key=lambda v: v * 2), bisect.insort([], 1))

class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        return f"Node({self.val}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[0].val = 99
print(shallow.children[0].val, deep.children[0].val, shallow.children is tree.children, deep)
lst = [1, [2, 3], {"k": (4, [5])}]
dl = copy.deepcopy(lst)
dl[1].append(0)
dl[2]["k"][1].append(6)
print(lst, dl)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])
class WithCopy:
    def __init__(self, n):
        self.n = n
    def __copy__(self):
        return WithCopy(self.n + 1)
    def __deepcopy__(self, memo):
        return WithCopy(self.n + 100)
print(copy.copy(WithCopy(1)).n, copy.deepcopy(WithCopy(1)).n, copy.copy((1, 2)))
import collections
dq = collections.deque([[1], [2]], maxlen=3)
dq2 = copy.deepcopy(dq)
dq2[0].append(5)
print(dq, dq2, dq2.maxlen)
dd = collections.defaultdict(list, a=[1])
dd2 = copy.deepcopy(dd)
dd2["a"].append(2)
print(dd, dd2, copy.copy(dd).default_factory)

print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("x"))
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
