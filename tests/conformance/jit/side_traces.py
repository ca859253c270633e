# Loops whose branches go both ways (side traces grow from the branch the loop's
# trace did not follow, and link back to it), nested branches, and a branch whose
# direction flips halfway.
def alternate(n):
    evens = odds = 0
    for i in range(n):
        if i % 2:
            odds += i
        else:
            evens += i
    return evens, odds

print(alternate(1000))

def three_way(xs):
    a = b = c = 0
    for x in xs:
        if x % 3 == 0:
            a += 1
        elif x % 3 == 1:
            b += x
        else:
            c -= x
            if c < -5000:
                c = 0
    return a, b, c

print(three_way(list(range(3000))))

def flip(n):
    total = 0
    for i in range(n):
        if i < n // 2:
            total += 1
        else:
            total += 2.5
    return total

print(flip(2000))

def strings(words):
    out = []
    for w in words:
        if len(w) > 3:
            out.append(w.upper())
        elif w:
            out.append(w + "!")
        else:
            continue
    return "".join(out)

print(strings(["ab", "", "abcd", "x", "hello", ""] * 200)[:80])

def while_break(limit):
    i = 0
    hits = []
    while True:
        i += 1
        if i % 7 == 0:
            hits.append(i)
            if len(hits) >= limit:
                break
        elif i % 5 == 0:
            continue
    return hits[-3:], i

print(while_break(300))
