import sys
args = sys.argv[1:]
total = 0
for a in args:
    total += int(a)
print("sum", total)
sys.argv.append("extra")
print(sys.argv[1:])
sys.argv = ["replaced"]
print(sys.argv)
