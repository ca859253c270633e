# try/except basics needed by many tests: matching, order, args, str/repr, else
def classify(fn):
    try:
        fn()
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__ + " " + repr(e)
    except Exception as e:
        return "other " + type(e).__name__
    else:
        return "no error"
print(classify(lambda: 1 / 0))
print(classify(lambda: {}["k"]))
print(classify(lambda: [][0]))
print(classify(lambda: int("x")))
print(classify(lambda: 1))
e = ValueError("bad", 42)
print(e.args, str(e), repr(e), repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
print(repr(ValueError("one")), str(IndexError()), repr(Exception(1, "two")))
print(isinstance(e, Exception), isinstance(e, BaseException), issubclass(KeyError, LookupError))
print(issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(OverflowError, ArithmeticError), issubclass(TabError, SyntaxError))
try:
    raise TypeError("custom message")
except TypeError as err:
    print("caught", err)
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("wrong handler")
except KeyError as err:
    print("outer caught", err)
x = "unchanged"
try:
    x = "changed"
    raise RuntimeError
except RuntimeError:
    pass
print(x)
try:
    1 / 0
except ZeroDivisionError as err:
    saved = err
print(type(saved).__name__, saved)
try:
    print(err)
except NameError as ne:
    print("as-target is deleted after except:", ne)
