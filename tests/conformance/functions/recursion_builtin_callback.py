# recursion that passes through builtins (sorted key=, max key=) must also raise RecursionError
import sys
def via_sorted(n):
    if n == 0:
        return 0
    return sorted([n], key=lambda v: via_sorted(v - 1))[0]
print(via_sorted(50))
def forever(x):
    return sorted([x], key=forever)
try:
    forever(1)
except RecursionError as e:
    # the message suffix depends on where CPython detects the overflow; only the type is checked
    print(type(e).__name__)
def forever_max(x):
    return max([x], key=forever_max)
try:
    forever_max(1)
except RecursionError as e:
    print(type(e).__name__)
print("done")
