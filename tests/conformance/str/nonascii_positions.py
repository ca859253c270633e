# Indexing, slicing and positional searches of long non-ASCII strings (the str
# positions index), checked against the list of their code points.
import random

r = random.Random(5)
alpha = "abcé日😀\u00ff\u0800xyz "
for n in [0, 1, 5, 33, 63, 64, 65, 257, 1500]:
    s = "".join(r.choice(alpha) for _ in range(n))
    L = list(s)
    bad = 0
    for _ in range(25):
        i = r.randrange(-n - 3, n + 3)
        j = r.randrange(-n - 3, n + 3)
        if -n <= i < n and s[i] != L[i]:
            bad += 1
        if s[i:j] != "".join(L[i:j]):
            bad += 1
        st = r.choice([1, 2, 3, -1, -2])
        if s[i:j:st] != "".join(L[i:j:st]):
            bad += 1
    # sequential scans forwards and backwards
    if "".join(s[k] for k in range(n)) != s or "".join(s[k] for k in range(n - 1, -1, -1)) != s[::-1]:
        bad += 1
    res = []
    for _ in range(15):
        i = r.randrange(0, n + 2)
        j = r.randrange(0, n + 2)
        sub = s[i:i + 2]
        res.append((s.find(sub, i), s.find(sub, j), s.rfind(sub, 0, j), s.count(sub, i, j),
                    s.startswith(sub, i), s.endswith(sub, 0, j), s.find("日", i, j), s.rfind("😀", i)))
    print(n, bad, len(s), res[:3], sum(x[0] + x[1] + x[2] + x[3] + x[6] + x[7] for x in res))
    for k in range(0, n, 97):
        print(repr(s[k]), s.index(s[k], k), s[k:k + 5], s[-k - 1], end=" | ")
    print()
