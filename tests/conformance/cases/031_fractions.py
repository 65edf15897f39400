from fractions import Fraction as F
from decimal import Decimal

print(F(3, 4), F(6, 8), F(-3, -9), F("3/7"), F(" -1.25 "), F("1e-3"), F(0.5), F(Decimal("0.1")))
print(F(1, 3) + F(1, 6), F(1, 3) * F(3, 4), F(1, 3) / F(2, 9), F(1, 3) - 1, F(2, 3) ** 3, F(4, 9) ** -2)
print(F(7, 2) // 1, F(7, 2) % 1, divmod(F(7, 3), F(1, 2)), round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 3))
print(F(1, 3) < F(1, 2), F(1, 2) == 0.5, F(1, 3) == 1 / 3, float(F(1, 3)), int(F(-7, 2)))
print(F(0.1), F(0.1).limit_denominator(), F(3.141592653589793).limit_denominator(1000), F(1, 3).as_integer_ratio())
print(F(10, 4).numerator, F(10, 4).denominator, F(5).is_integer() if hasattr(F, "is_integer") else "n/a")
s = sum(F(1, n) for n in range(1, 31))
print("H30", s, float(s))
print(sum(F(1, 2**k) for k in range(60)))
def cf(x, n):
    out = []
    for _ in range(n):
        a = x.numerator // x.denominator
        out.append(a)
        x -= a
        if x == 0:
            break
        x = 1 / x
    return out
print(cf(F(415, 93), 10), cf(F(3.14159265358979).limit_denominator(10**9), 8))
def egyptian(x):
    out = []
    while x.numerator:
        d = -(-x.denominator // x.numerator)
        out.append(F(1, d))
        x -= F(1, d)
    return out
print(egyptian(F(7, 15)), egyptian(F(5, 121)))
b = [F(1)]
from math import comb
for m in range(1, 21):
    b.append(-sum(comb(m + 1, k) * b[k] for k in range(m)) / (m + 1))
print("bernoulli", [str(x) for x in b])
print(F(2, 3).__floor__(), F(-2, 3).__ceil__(), abs(F(-5, 3)), -F(1, 2), +F(1, 2))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
