# Chained exceptions: an explicit cause is shown instead of the context, a
# context is shown when there is no cause, `from None` hides it, and an
# exception already shown is not shown twice.
def level3():
    raise KeyError("bottom")


def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("middle") from e


def level1():
    try:
        level2()
    except ValueError:
        try:
            raise TypeError("hidden")
        except TypeError:
            raise RuntimeError("top")


try:
    level1()
except RuntimeError as e:
    e.__context__.__context__.__context__ = e
    raise
