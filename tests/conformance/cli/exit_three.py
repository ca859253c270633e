import sys
def main():
    print("in main")
    sys.exit(3)
main()
print("not reached")
