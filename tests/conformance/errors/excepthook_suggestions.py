# "Did you mean" hints for NameError and AttributeError as CPython 3.11 prints
# them (only in tracebacks, never in str()), with its distance limits.
import sys


def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, None)
        print("str:", e)


counter_value = 0
some_global_name = 1


class Point:
    def __init__(self):
        self.x_coordinate = 1
        self.y_coordinate = 2

    def distance_to(self, other):
        return 0


def local_name():
    measurement_total = 5
    return measurement_totl


def global_name():
    return some_global_nme


def builtin_name():
    return lenn([])


def case_only():
    return Print


def too_far():
    return qqqqq


def attr_instance():
    return Point().x_coordinat


def attr_method():
    return Point().distanceto


def attr_type():
    return Point.distance_too


def attr_module():
    return sys.exitt


def attr_str():
    return "abc".uper()


def attr_none():
    return None.real_part


def attr_list():
    return [].appendd


def explicit_error():
    raise AttributeError("custom", name="appnd", obj=[])


def explicit_no_obj():
    raise AttributeError("custom", name="appnd")


def name_error_explicit():
    raise NameError("custom", name="prnt")


class MyNameError(NameError):
    pass


def subclass_no_hint():
    raise MyNameError("sub", name="prnt")


def unbound_local():
    value = 1
    del value
    return value


def long_name():
    return a_very_long_variable_name_that_goes_past_forty_characters_x


for f in [local_name, global_name, builtin_name, case_only, too_far, attr_instance, attr_method, attr_type,
          attr_module, attr_str, attr_none, attr_list, explicit_error, explicit_no_obj, name_error_explicit,
          subclass_no_hint, unbound_local, long_name]:
    show(f)
