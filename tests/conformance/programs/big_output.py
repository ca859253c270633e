# about 330 KB of output: buffering and throughput of print
for i in range(20000):
    print(i, i * i, "x" * (i % 7))
print("done")
