# Tracebacks printed by sys.excepthook: CPython 3.11's location carets for
# attribute and method access across lines, calls, subscripts, comprehensions,
# statements (for, with, import, assert) and binary operators.
import sys


def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)


class A:
    def m(self, *a):
        return 1 / 0


a = A()


def multi_line_method():
    (a
        .m())


def multi_line_attribute():
    return (a
        .missing)


def method_args_on_next_line():
    a.m(1,
        2)


def parenthesized_attribute_call():
    (a
        .m)(1)


def attribute_store():
    x = None
    (x
        .y) = 1


def augmented_attribute():
    x = None
    (x
        .y) += 1


def subscript_spaces():
    d = {}
    return d[ "key" ]


def subscript_parens():
    lst = [1]
    return lst[(5)]


def nested_subscripts():
    lst = [[1]]
    return lst[0][5]


def binop_parens():
    return (1) + None


def binop_two_chars():
    return 7 // None


def chained_binops():
    return 1 + 2 * None


def comparison():
    return 1 < "a"


def for_not_iterable():
    for i in 5:
        pass


def with_not_cm():
    with 5:
        pass


def assert_compare():
    x = 1
    assert x == 2, "x is " + str(x)


def assert_chain():
    x = 1
    assert 0 < x < 1


def assert_plain():
    x = 0
    assert x


def gen():
    yield 1
    raise ValueError("from a generator")


def genexp_arg():
    return list(x for x in gen())


def listcomp_inner_loop():
    return [y for x in [1] for y in gen()]


def dict_comp():
    return {k: v for k, v in [(1,)]}


def unpack():
    a, b = [1, 2, 3]


def call_kwargs():
    def f(a):
        pass
    f(a=1, b=2)


def star_call():
    def f(a):
        pass
    f(*[1, 2])


def import_missing():
    import no_such_module_here


def from_import_missing():
    from sys import no_such_name


def trailing_spaces():
    x = None
    return x.attr   


for f in [multi_line_method, multi_line_attribute, method_args_on_next_line, parenthesized_attribute_call,
          attribute_store, augmented_attribute, subscript_spaces, subscript_parens, nested_subscripts,
          binop_parens, binop_two_chars, chained_binops, comparison, for_not_iterable, with_not_cm,
          assert_compare, assert_chain, assert_plain, genexp_arg, listcomp_inner_loop, dict_comp, unpack,
          call_kwargs, star_call, import_missing, from_import_missing, trailing_spaces]:
    show(f)
