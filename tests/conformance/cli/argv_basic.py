import sys
print(len(sys.argv))
for i, arg in enumerate(sys.argv):
    print(i, repr(arg))
print(type(sys.argv).__name__, sys.argv[0])
