assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], ["message", "list"]
except AssertionError as e:
    print(e, e.args)
try:
    assert None, 42
except AssertionError as e:
    print(e, type(e.args[0]).__name__)
evaluated = []
def msg():
    evaluated.append("called")
    return "lazy"
assert True, msg()
print(evaluated)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, evaluated)
x = 5
assert x > 0 and x < 10, "x out of range"
print("assertions passed")
