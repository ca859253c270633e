# coding: ascii
# ASCII declared but a non-ASCII byte follows.
print("never")
s = "café"
