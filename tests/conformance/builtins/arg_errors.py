# Argument validation of the builtin functions, with CPython's messages.
def show(src):
    try:
        r = eval(src)
        print(src, "->", repr(r))
    except Exception as e:
        print(src, "->", type(e).__name__, e)

for src in [
    "len()", "len(x=1)", "len(1, 2)", "len(5)", "abs(x=1)", "abs(1, 2)",
    "min()", "min(x=1)", "min([])", "min([], default=3)", "min(1, 2, default=3)", "min(1, key=len)",
    "max([1], extra=2, key=None, default=3)", "max([1], foo=1)", "max(iterable=[1])", "max('ab', 'b')",
    "max([3, 1, 3], key=lambda x: 0)", "min([3, 1, 3], key=lambda x: 0)", "max([], default=None)", "min((), key=len, default='e')",
    "sum()", "sum(iterable=[1])", "sum([1], start=5)", "sum([1], 2, 3)", "sum(['a'], '')", "sum([b'a'], b'')",
    "sum([[1]], [])", "sum([0.1] * 10)", "sum([1e100, 1.0, -1e100, 1.0])", "sum([1, 2**70, 3.5])", "sum([True, True])",
    "sum(5)", "sum([1, 'a'])", "sum([0.1, 0.2, 0.3])", "sum([1, 2], 0.5)", "sum([], start=[])", "sum([(1,), (2,)], ())",
    "isinstance()", "isinstance(1)", "isinstance(1, 2)", "isinstance(1, (int, 2))", "isinstance(1, (str, (int,)))",
    "isinstance(1, int | str)", "isinstance('a', int | None)", "issubclass(1, int)", "issubclass(int, 1)",
    "issubclass(int, (str, object))", "issubclass(bool, int | str)", "isinstance(x=1)",
    "hash()", "hash(1, 2)", "hash(x=1)", "hash([])", "hash(-1)", "hash(2**61)", "hash(1.5)", "hash('')", "hash(())",
    "id()", "id(1, 2)", "chr()", "chr(x=1)", "chr(1, 2)", "chr(-1)", "chr(0x110000)", "chr(2**31)", "chr(1.5)", "chr('a')",
    "ord()", "ord('ab')", "ord(b'ab')", "ord(b'a')", "ord(1)", "ord('')",
    "any()", "any(1)", "any([], [])", "all(x=1)", "any([0, '', None])", "all([])", "all(iter([1, 0]))",
    "iter()", "iter(x=1)", "iter(1, 2)", "iter(len, 1, 2)", "next()", "next(x=1)", "next(5)", "next([])", "next(iter([]), 'd')",
    "next(1, 2, 3)", "divmod()", "divmod(1)", "divmod(x=1, y=2)", "pow()", "pow(2)", "pow(base=2, exp=3)", "pow(x=1)",
    "round()", "round(number=2.5)", "round(1, 2, 3)",
    "getattr()", "getattr(1)", "getattr(1, 2)", "getattr(1, 'x')", "getattr(1, 'x', 5)", "getattr(1, 'x', 5, 6)",
    "getattr(x=1)", "setattr(1, 'x', 2)", "setattr(1, 2, 3)", "setattr(1, 'x')", "hasattr(1)", "hasattr(1, 2)",
    "hasattr(1, 'real')", "delattr(1, 'x')", "delattr(1, 2)", "delattr(1)", "callable()", "callable(1, 2)",
    "callable(x=1)", "callable(len)", "callable(int)", "callable(3)", "vars(1)", "vars(1, 2)", "vars(x=1)",
    "dir(1, 2)", "dir(x=1)", "format()", "format(1, 2)", "format(1, 'x', 3)", "format(1, spec='x')",
    "format(255, 'x')", "format('a', '>3')", "bin()", "bin(1.5)", "bin('a')", "bin(x=1)", "oct(-8)", "hex(-255)",
    "bin(0)", "hex(2**70)", "bin(True)", "repr()", "repr(x=1)", "ascii()", "ascii('é\\n\\x00\\U0001f600')",
    "ascii(x=1)", "ascii([1, 'ü'])", "globals(1)", "locals(1)",
]:
    show(src)
