import random
# Distributions that use log/exp/cos go through libm: round them.
def r(x):
    return round(x, 9)
random.seed(42)
print("gauss", [r(random.gauss(0, 1)) for _ in range(6)])
print("normalvariate", [r(random.normalvariate(10, 2)) for _ in range(6)])
print("expovariate", [r(random.expovariate(1.5)) for _ in range(6)])
print("lognormvariate", [r(random.lognormvariate(0, 0.5)) for _ in range(4)])
print("betavariate", [r(random.betavariate(2, 5)) for _ in range(4)])
print("gammavariate", [r(random.gammavariate(2.0, 3.0)) for _ in range(4)])
print("paretovariate", [r(random.paretovariate(3)) for _ in range(4)])
print("weibullvariate", [r(random.weibullvariate(1, 1.5)) for _ in range(4)])
print("vonmises", [r(random.vonmisesvariate(0, 4)) for _ in range(4)])
random.seed(7)
counts = [0] * 6
for _ in range(60000):
    counts[random.randrange(6)] += 1
print("dice", counts)
random.seed(99)
walk = 0
path = []
for i in range(50):
    walk += random.choice((-1, 1))
    path.append(walk)
print("walk", path)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.seed(2024)
random.shuffle(deck)
print("hands", [sorted(deck[i:i + 5]) for i in range(0, 20, 5)])
