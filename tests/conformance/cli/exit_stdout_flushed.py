import sys
print("partial line without newline", end="")
sys.stdout.write(" ... more")
print("to stderr before exit", file=sys.stderr)
sys.exit(2)
