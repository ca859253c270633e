import sys
print(sys.argv
print("next")
