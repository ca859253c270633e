"""Micro benchmark: a loop of 10**7 integer additions."""

total = 0
i = 0
while i < 10_000_000:
    total += i
    i += 1
print(total)
