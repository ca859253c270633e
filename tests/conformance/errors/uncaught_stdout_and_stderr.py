import sys
print("line 1 to stdout")
print("line 2 to stderr", file=sys.stderr)
print("line 3 to stdout", end="")
undefined_function()
