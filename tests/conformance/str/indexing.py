s = "Hello, World"
print(s[0], s[1], s[-1], s[-2], s[len(s) - 1], s[-len(s)])
print(len(s), len(""), len(" "), len("\n"))
for i in range(-3, 3):
    print(i, repr(s[i]))
u = "αβγ😀δ"
print(u[0], u[3], u[-1], u[-2], len(u))
print(type(s[0]), s[0] == "H", s[0] is s[0] or True)
c = "x"
print(c[0], c[-1], c[0][0][0])
