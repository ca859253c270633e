import sys
def inner(n):
    if n == 0:
        print("exiting from depth")
        sys.exit(9)
    inner(n - 1)
def outer():
    try:
        inner(20)
    except Exception:
        print("not caught by except Exception")
outer()
print("not reached")
