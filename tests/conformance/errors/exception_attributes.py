def show(e):
    print(type(e).__name__, repr(e), "|", str(e), "|", e.args)

show(Exception())
show(Exception("a"))
show(Exception("a", 2))
show(Exception(None))
show(KeyError("k"))
show(KeyError())
show(KeyError("a", "b"))
show(KeyError(("t",)))
show(IndexError(3))
show(StopIteration())
show(StopIteration(5))
show(StopIteration(5, 6))
print(StopIteration().value, StopIteration(5).value, StopIteration(5, 6).value)
e = StopIteration(1); e.value = 9; print(e.value, e.args)
show(SystemExit())
show(SystemExit(3))
show(SystemExit(3, 4))
print(SystemExit().code, SystemExit(3).code, SystemExit(3, 4).code, SystemExit("x").code)
show(OSError())
show(OSError("m"))
show(OSError(2, "nf"))
show(OSError(2, "nf", "f"))
show(OSError(2, "nf", "f", None, "g"))
show(OSError(2, "nf", "f", None, "g", "extra"))
show(OSError(1, 2, 3, 4))
for a in [(), ("m",), (2, "nf"), (2, "nf", "f"), (13, "perm", "f", 5, "g"), (17, "x"), (20, "x"), (21, "x"), (32, "x"), (11, "x"), (3, "x"), (110, "x"), (4, "x"), (10, "x"), (104, "x"), (111, "x"), (103, "x"), (1, "x"), (99999, "x"), ("2", "x")]:
    e = OSError(*a)
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args, str(e))
e = FileNotFoundError(2, "x")
print(type(e).__name__)
e = FileNotFoundError(13, "x")
print(type(e).__name__)
e = OSError(2, "x"); e.errno = 5; print(e.errno, e.args, str(e))
print(isinstance(OSError(2, "x"), FileNotFoundError), IOError is OSError, EnvironmentError is OSError)
b = BlockingIOError(11, "x", 5); print(b.characters_written, b.args)
show(ImportError())
show(ImportError("m"))
show(ImportError("m", name="n", path="p"))
e = ImportError("m", name="n", path="p"); print(e.msg, e.name, e.path)
e = ImportError("a", "b"); print(e.msg, str(e))
show(ModuleNotFoundError("No module named 'x'", name="x"))
try:
    ImportError(bad=1)
except TypeError as te:
    print(te)
show(AttributeError("a"))
e = AttributeError("a", name="n", obj=1); print(e.name, e.obj)
print(AttributeError().name, AttributeError().obj)
show(NameError("n"))
e = NameError("n", name="nm"); print(e.name)
print(NameError().name)
try:
    NameError(foo=1)
except TypeError as te:
    print(te)
try:
    Exception(a=1)
except TypeError as te:
    print(te)
show(SyntaxError())
show(SyntaxError("m"))
s = SyntaxError("m", ("f.py", 1, 2, "text", 1, 4))
show(s)
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, s.print_file_and_line)
s = SyntaxError("m", ("f.py", 1, 2, "text"))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
print(str(SyntaxError("m", ("dir/f.py", 1, 2, "t"))), str(SyntaxError("m", (None, 1, 2, "t"))), str(SyntaxError("m", ("f", None, 2, "t"))))
try:
    SyntaxError("m", ("f", 1))
except (IndexError, TypeError) as ie:
    print("IndexError", ie)
try:
    SyntaxError("m", 5)
except TypeError as te:
    print("TypeError", te)
show(IndentationError("m", ("f", 1, 2, "t")))
show(UnicodeError("plain"))
e = Exception(1, 2); e.args = [3]; print(e.args, str(e))
e = Exception(); e.args = "ab"; print(e.args)
print(Exception("x").with_traceback(None))
e = ValueError("v"); e.add_note("n1"); print(e.__notes__)
try:
    e.add_note(3)
except TypeError as te:
    print(te)
e.__notes__ = "notalist"
try:
    e.add_note("x")
except TypeError as te:
    print(te)
print(Exception().__reduce__(), KeyError("k").__reduce__())
print(Exception("a").__dict__)
e = Exception("a"); e.foo = 1; print(e.__dict__)
print(repr(Exception("a\nb")), repr(KeyError("a\nb")), str(KeyError("a\nb")))
class E(Exception):
    def __init__(self, x):
        self.x = x
print(repr(E(1)), E(1).args, str(E(1)))
class F(Exception):
    def __init__(self, x):
        super().__init__(x, "extra")
print(repr(F(1)), F(1).args)
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
try:
    e.__cause__ = 5
except TypeError as te:
    print(te)
try:
    e.__context__ = 5
except TypeError as te:
    print(te)
try:
    e.__traceback__ = 5
except TypeError as te:
    print(te)
e.__cause__ = ValueError(); print(e.__suppress_context__)
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException), TimeoutError.__mro__)
