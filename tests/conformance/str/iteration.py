s = "héllo"
for ch in s:
    print(ch, ord(ch))
out = []
for i, ch in enumerate("abc"):
    out.append(str(i) + ch)
print(out)
print(list(reversed("abc")), sorted("banana"), list(zip("abc", "12")))
print(len([c for c in "mississippi" if c == "s"]), set("mississippi") == {"m", "i", "s", "p"})
it = iter("xy")
print(next(it), next(it), next(it, "done"))
n = 0
for c in "":
    n += 1
print("empty loop", n)
