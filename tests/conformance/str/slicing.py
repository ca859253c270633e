s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1])
print(repr(s[5:2]), repr(s[100:]), repr(s[:-100]), s[-100:100], s[3:3] == "")
print(s[None:None], s[None:4], s[4:None:None], s[::None])
print(s[-1:-11:-1], s[-1::-1], s[:-11:-1], s[0:10:3], s[10::-4])
print(s[1:9][::-1][2:4], s[True:3])
big = 2 ** 70
print(s[-big:big], s[big:], repr(s[:-big]), s[::big], s[::-big])
try:
    print(s[::0])
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(s[1.0:2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(s["a"])
except TypeError as e:
    print(type(e).__name__, e)
