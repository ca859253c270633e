# random: CPython's sequences after seed(): random, randint, choice, shuffle, gauss...
import random

random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 100), random.randrange(0, 1000, 7), random.randrange(10))
print(random.choice("abcdefg"), random.choice([1, 2, 3]))
x = list(range(20))
random.shuffle(x)
print(x)
print(random.sample(range(100), 5), random.sample("abcdef", 3))
print(random.uniform(1, 2), random.triangular(0, 10, 3))
print(random.gauss(0, 1), random.gauss(10, 2), random.normalvariate(0, 1))
print(random.expovariate(1.5), random.betavariate(2, 3), random.gammavariate(2, 1))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.choices("abc", k=5), random.choices(range(3), weights=[1, 5, 1], k=4), random.choices("xy", cum_weights=[1, 2], k=3))
print(random.getrandbits(40), random.randbytes(5))
random.seed("hello")
print(random.random())
random.seed(b"bytes")
print(random.random())
random.seed(3.25)
print(random.random())
random.seed(12345, version=1)
print(random.random())
state = random.getstate()
v1 = [random.random() for _ in range(3)]
random.setstate(state)
print(v1 == [random.random() for _ in range(3)])
rr = random.Random(99)
print(rr.randint(0, 10**30), rr.choice(range(1000)))
print(random.Random(5).sample(range(10), 10))
for bad in ["random.randint(5, 1)", "random.choice([])", "random.sample([1, 2], 3)", "random.randrange(0)",
            "random.randrange(1, 2, 0)", "random.seed([1])", "random.shuffle(5)"]:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
