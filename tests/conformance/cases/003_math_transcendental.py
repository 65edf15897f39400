import math
# Transcendental results can differ in the last ulp between libms: round to 10 digits.
def r(x):
    return round(x, 10)
for x in [0.0, 0.5, 1.0, 2.0, 10.0, 0.001]:
    print("exp/log", x, r(math.exp(x)), r(math.log1p(x)), r(math.expm1(x)))
for x in [1, 2, 10, 100, 1000, 0.5, 12345]:
    print("log", x, r(math.log(x)), r(math.log10(x)), r(math.log2(x)), r(math.log(x, 3)))
for deg in range(0, 361, 30):
    t = math.radians(deg)
    print("trig", deg, r(math.sin(t)), r(math.cos(t)), r(math.tan(t)) if deg % 180 != 90 else "inf")
for x in [-1, -0.5, 0, 0.5, 1]:
    print("inverse", x, r(math.asin(x)), r(math.acos(x)), r(math.atan(x)))
for y, x in [(1, 1), (1, -1), (-1, -1), (0, -1), (3, 4)]:
    print("atan2", y, x, r(math.atan2(y, x)))
for x in [0, 0.5, 1, 2]:
    print("hyperbolic", x, r(math.sinh(x)), r(math.cosh(x)), r(math.tanh(x)), r(math.asinh(x)))
print("acosh/atanh", r(math.acosh(2)), r(math.atanh(0.5)))
for x in [0.5, 1, 1.5, 2, 5, 10]:
    print("gamma", x, r(math.gamma(x)), r(math.lgamma(x)))
for x in [0, 0.5, 1, 2, -1]:
    print("erf", x, r(math.erf(x)), r(math.erfc(x)))
print("pow", r(1.1 ** 10), r(2 ** 0.5), r(10 ** -2.5), r(math.pow(7, 1 / 3)))
print("cbrt-ish", [round(x ** (1 / 3), 8) for x in (8, 27, 64, 1000)])
