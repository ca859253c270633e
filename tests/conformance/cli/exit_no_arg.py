import sys
print("exit without argument")
sys.exit()
