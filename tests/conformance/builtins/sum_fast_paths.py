# sum() over bytes, bytearray, lists (mutated by __radd__ mid-sum), tuples and
# iterators; bytes/bytearray item get and set with their errors.
print(sum(bytearray(b'\xff' * 1000)), sum(b'abc', 5), sum(b'', 2**70), sum([1, 2.5, 3]), sum((1, 2**62, 2**62)), sum([0.1] * 10), sum(range(10)), sum([True, 2]))
print(sum([[1], [2]], []), sum(iter([1, 2, 3]), 0.5))
l = [1, 2, 3]
class A:
    def __radd__(self, o):
        l.append(10); return o + 100
l.append(A())
print(sum(l))
ba = bytearray(b'abc')
ba[0] = 65; ba[-1] = 255
print(ba, ba[0], ba[-1], b'xyz'[1], b'xyz'[-1:])
for bad in [(5, 1), (0, 256), (0, -1)]:
    try:
        ba[bad[0]] = bad[1]
    except Exception as e:
        print(type(e).__name__, e)
try:
    ba[10]
except IndexError as e: print(e)
try:
    b'x'[3]
except IndexError as e: print(e)
class BA(bytearray):
    def __getitem__(self, k): return 'sub'
print(BA(b'a')[0])
