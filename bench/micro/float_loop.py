"""Micro benchmark: a loop of 10**7 float multiply-adds."""


def run():
    x = 0.0
    a = 1.0000001
    b = 0.5
    for _ in range(10_000_000):
        x = x * a + b
    return x


print(f"{run():.6e}")
