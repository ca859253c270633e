import sys
# the OS keeps only the low 8 bits of the status
sys.exit(256)
