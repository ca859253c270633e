# Named groups, groupdict, groupindex, lastgroup, (?P=name) and nesting.
import re

p = re.compile(r"(?P<first>\w+)\s+(?P<last>\w+)(?:\s+(?P<suffix>Jr|Sr))?")
m = p.match("Jane Doe")
print(m.groupdict(), m.groupdict("-"), m.groups(), m.groups(0))
print(m["first"], m["last"], m["suffix"], m[0], m[1], m[2])
print(m.group("first", "last", 1, 0), m.start("last"), m.end("last"), m.span("suffix"))
print(m.lastindex, m.lastgroup)
m = p.match("John Smith Jr")
print(m.groupdict(), m.lastindex, m.lastgroup)
print(p.groupindex, type(p.groupindex).__name__, p.groups)
print(dict(p.groupindex), list(p.groupindex))
try:
    p.groupindex["x"] = 1
except TypeError as e:
    print("TypeError", e)
print(re.compile("(a)(b)").groupindex, re.compile("a").groups)

q = re.compile(r"(?P<outer>a(?P<inner>b)c)(?P<tail>d)?")
m = q.match("abc")
print(m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.regs)
print(re.match(r"(?P<q>['\"])(?P<body>.*?)(?P=q)", "'it\"s' x").groupdict())
print(re.match(r"(?P<a>x)(?P<b>y)?(?(b)z|w)", "xw").groupdict())
print(re.findall(r"(?P<k>\w+)=(?P<v>\w+)", "a=1 b=2"))
print([m.groupdict() for m in re.finditer(r"(?P<k>\w+)=(?P<v>\w*)", "a=1 b= c=3")])
# lastgroup is the last closed group.
print(re.match(r"(?P<a>(?P<b>x))", "x").lastgroup, re.match(r"(?P<a>x)(y)", "xy").lastgroup)
print(re.match(r"((?P<n>a)b)", "ab").lastindex, re.match(r"((?P<n>a)b)", "ab").lastgroup)
print(re.match("(a)(?:b)", "ab").lastindex, re.match("(?:a)", "a").lastindex)
# Unicode group names.
m = re.match("(?P<\u00e9t\u00e9>\\d+)", "42")
print(m.groupdict(), m.lastgroup)
