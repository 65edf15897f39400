import math

print("pi", round(math.pi, 12), "e", round(math.e, 12), "tau", round(math.tau, 12))
print("inf", math.inf, -math.inf, "nan", math.nan)
for x in [0, 1, 2, 3, 4, 9, 15, 16, 17, 100, 1e-300, 2.25, 12345.6789]:
    print("sqrt", x, math.sqrt(x))
for x in [-3.7, -3.5, -0.5, 0.0, 0.5, 2.5, 3.5, 3.7, 1e16 + 1]:
    print("round", x, math.floor(x), math.ceil(x), math.trunc(x), round(x), round(x, 1))
for x in [0.1, 1.5, -2.75, 1e-10, 123456.789, 2.0**-1074]:
    m, e = math.frexp(x)
    print("frexp", x, m, e, math.ldexp(m, e) == x, math.modf(x))
for a, b in [(7, 3), (-7, 3), (7, -3), (7.5, 2), (-7.5, 2), (1e10, 3.3)]:
    print("fmod", a, b, math.fmod(a, b), a % b, math.remainder(a, b), divmod(a, b))
print("copysign", math.copysign(3, -0.0), math.copysign(-2.5, 1))
print("fabs", math.fabs(-4), math.fabs(-0.0))
print("isclose", math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1, 1.0001, rel_tol=1e-3))
print("isfinite", [math.isfinite(v) for v in (1.0, math.inf, math.nan)])
print("isinf", [math.isinf(v) for v in (1.0, math.inf, -math.inf)])
print("isnan", [math.isnan(v) for v in (1.0, math.nan)])
print("fsum", math.fsum([0.1] * 10), sum([0.1] * 10))
print("fsum2", math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print("hypot", math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1, 1, 1), math.dist((0, 0), (6, 8)))
print("nextafter", math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.ulp(1.0), math.ulp(1e300))
print("ldexp", math.ldexp(1.0, 1023), math.ldexp(1.0, -1074))
print("pow exact", math.pow(2, 10), math.pow(2, -2), 2.0 ** 52, (-8) ** (1 / 3) if False else None)
print("degrees", math.degrees(math.pi), math.radians(180) == math.pi)
print("constants", math.inf > 1e308, math.isnan(math.nan), -math.inf < -1e308)
