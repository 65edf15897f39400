import math
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf, nan != nan, nan < 1, nan > 1, max(1, nan), max(nan, 1))
print(math.isnan(inf - inf), math.isinf(1e308 * 10), inf == inf, -0.0 == 0.0, math.copysign(1, -0.0), str(-0.0), repr(0.0 * -1))
print(1 / inf, -1 / inf, 1e-320 / 1e10, 5e-324 / 2, 5e-324 * 0.5 == 0, 2.2250738585072014e-308 / 2)
print(float("1e308") * 1.5, -1e308 * 1.5, 1e308 + 1e308, sum([1e308, 1e308, -1e308]), math.fsum([1e308, 1e308, -1e308]) if False else "fsum overflow skipped")
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError (message holds errno text, not printed)", type(e.args).__name__)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
print(math.exp(-1000), 2.0 ** -1080, (-8.0) ** 2, (-2.0) ** 3, 0.0 ** 0, inf ** 0, nan ** 0, 1 ** nan, pow(-0.0, 3))
try:
    (-8.0) ** (1 / 3) == 2
    print(type((-8.0) ** 0.5).__name__)
except ValueError as e:
    print("ValueError", e)
print(round(inf) if False else "round(inf) raises", math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), int(-0.5), round(-0.4))
print(inf.hex(), (-0.0).hex(), (5e-324).hex(), (1.0).hex(), (0.1).hex(), float.fromhex("inf"), float.fromhex("-0x0p+0"))
print(inf.is_integer(), (1e300).is_integer(), (0.5).is_integer(), (2.0).as_integer_ratio(), (-0.75).as_integer_ratio())
vals = [3.0, nan, 1.0, -inf, 2.0, inf]
print(sorted(v for v in vals if v == v), [repr(v) for v in sorted(vals, key=lambda v: (v != v, v))])
print(math.nextafter(0.0, 1.0), math.nextafter(inf, 0), math.ulp(0.0), math.ulp(inf), math.nextafter(1.0, 1.0))
print(f"{inf:f} {nan:e} {-inf:g} {inf:+} {nan:10}|{-0.0:+.2f} {1e-320:.3e} {5e-324!r}")
print(float("InFiNiTy"), float("-NaN"), float(" nan "), repr(float("-0")))
print(math.isclose(inf, inf), math.isclose(nan, nan), math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(-0.0, 0.0))
