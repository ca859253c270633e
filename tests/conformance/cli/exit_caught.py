import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.code).__name__)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit(0)
except Exception:
    print("SystemExit is not an Exception: never printed")
except BaseException as e:
    print("BaseException catches it:", type(e).__name__, isinstance(e, Exception))
print("continuing after catching")
sys.exit(5)
