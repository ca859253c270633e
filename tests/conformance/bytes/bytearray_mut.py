# bytearray mutation: item and slice assignment, deletion, append/extend/insert/
# pop/remove/reverse/clear/copy, in-place operators, and their errors.
def run(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

ba = bytearray(b"hello")
ba[0] = 72
ba[-1] = ord("O")
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"abcdef"
print(ba)
ba[2:6] = []
print(ba)
ba[::2] = b"xyz"
print(ba)
ba[len(ba):] = [33, 34]
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
del ba[1:]
print(ba)
ba.append(65)
ba.extend(b"BC")
ba.extend([68, 69])
ba.extend(bytearray(b"F"))
ba.extend(x for x in [71])
ba.insert(0, 48)
ba.insert(-1, 49)
ba.insert(100, 50)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(66)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(c))
c += b"++"
c += bytearray(b"!")
print(c)
c *= 2
print(c)
d = bytearray(b"ab")
e = d
d += b"c"
print(e, d is e)
run("setitem 256", lambda: ba.__setitem__(0, 256))
run("setitem str", lambda: bytearray(b"a").__setitem__(0, "x"))
run("setitem range", lambda: bytearray(b"a").__setitem__(5, 1))
run("setitem key", lambda: bytearray(b"a").__setitem__("k", 1))
run("slice int", lambda: bytearray(b"abc").__setitem__(slice(0, 1), 5))
run("slice str", lambda: bytearray(b"abc").__setitem__(slice(0, 1), "x"))
run("ext slice size", lambda: bytearray(b"abcd").__setitem__(slice(None, None, 2), b"xyz"))
run("delitem range", lambda: bytearray(b"a").__delitem__(3))
run("append 256", lambda: bytearray().append(256))
run("append str", lambda: bytearray().append("a"))
run("append none", lambda: bytearray().append())
run("extend str", lambda: bytearray().extend("ab"))
run("extend int", lambda: bytearray().extend(5))
run("extend bad item", lambda: bytearray().extend([1, 300]))
run("insert 2 args", lambda: bytearray().insert(0))
run("pop empty", lambda: bytearray().pop())
run("pop range", lambda: bytearray(b"a").pop(5))
run("remove missing", lambda: bytearray(b"a").remove(98))
run("iadd str", lambda: bytearray(b"a").__iadd__("b"))
x = bytearray(b"mutable")
y = x.upper()
x[0] = 77
print(x, y, type(y).__name__, type(x.split()[0]).__name__, type(x[1:]).__name__, type(b"".join([x])).__name__)
print(bytearray(b"a b").split(), bytearray(b"a=b").partition(b"="), bytearray(b"%d") % 5, bytes(x), x == b"Mutable")
