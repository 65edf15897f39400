import cmath

def r(z):
    if isinstance(z, complex):
        return complex(round(z.real, 10) + 0.0, round(z.imag, 10) + 0.0)
    return round(z, 10)
a, b = 3 + 4j, 1 - 2j
print(a, b, a + b, a - b, a * b, a / b, -a, a.conjugate(), a.real, a.imag, abs(a), a == complex(3, 4))
print(complex("1+2j"), complex("-1.5e3-0.5j"), complex(" 3j "), complex(2), complex(1, -0.0), 1j * 1j, (1 + 1j) ** 2, (2 + 0j) ** 3)
print(repr(complex(0, 0)), repr(complex(-0.0, -0.0)), complex(float("inf"), 1), complex(1e300, 1e300) * 10, 1j ** 2)
print(r(cmath.sqrt(-1)), r(cmath.sqrt(2j)), r(cmath.exp(1j * cmath.pi)), r(cmath.log(-1)), r(cmath.phase(-1)), r(cmath.phase(1j)))
print(r(abs(1 + 1j)), [r(x) for x in cmath.polar(1 + 1j)], r(cmath.rect(2, cmath.pi / 2)), r(cmath.log10(100j)))
print(r(cmath.sin(1 + 1j)), r(cmath.cos(1j)), r(cmath.tan(0.5 - 0.5j)), r(cmath.asin(2)), r(cmath.acos(2)), r(cmath.atan(2j / 3)))
print(r(cmath.sinh(1j)), r(cmath.cosh(1 + 1j)), r(cmath.tanh(2)), r(cmath.asinh(1j)), r(cmath.acosh(0.5)), r(cmath.atanh(0.5j)))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(float("inf"), 0)), cmath.isnan(complex(0, float("nan"))), cmath.isclose(1 + 1j, 1 + 1.0000000001j))
print(round(cmath.pi, 10), round(cmath.e, 10), cmath.inf, cmath.infj, cmath.nanj)
def roots_of_unity(n):
    return [r(cmath.exp(2j * cmath.pi * k / n)) for k in range(n)]
print(roots_of_unity(4), roots_of_unity(6))
def quad(a, b, c):
    d = cmath.sqrt(b * b - 4 * a * c)
    return r((-b + d) / (2 * a)), r((-b - d) / (2 * a))
print(quad(1, 2, 5), quad(1, -3, 2), quad(2, 0, 8))
def mandel(c, it=50):
    z = 0j
    for i in range(it):
        z = z * z + c
        if abs(z) > 2:
            return i
    return it
for y in range(10, -11, -2):
    print("".join(" .:-=+*#%@"[min(9, mandel(complex(x / 20, y / 10)) // 5)] for x in range(-40, 11)))
try:
    1j / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    complex("1+")
except ValueError as e:
    print("ValueError", e)
print(format(1.5 + 2.25j, ".3f"), f"{-1j:>8}", hash(1 + 0j) == hash(1), (1 + 2j).__class__.__name__)
