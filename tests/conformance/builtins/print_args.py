import sys
class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
o = Out()
print("a", 1, None, sep="-", end="!\n", file=o)
print(file=o)
print("x", "y", sep=None, end=None, file=o, flush=True)
print(*[1, 2, 3], sep="", file=o)
print(o.parts)
class Bad:
    def __str__(self):
        raise ValueError("no str")
o2 = Out()
try:
    print("first", Bad(), "third", file=o2)
except ValueError as e:
    print("ValueError", e, o2.parts)
for kwargs in [{"sep": 1}, {"end": 2}, {"file": 1}, {"bogus": 1}, {"flush": None}]:
    try:
        print("z", **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
print("done", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
class NoStr:
    pass
print(str(NoStr()).startswith("<__main__.NoStr object at 0x"))
print("é", "\u20ac", "😀", sep="|")
