from decimal import Decimal as D, getcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP
import decimal

print(D("0.1") + D("0.2"), D("0.1") + D("0.2") == D("0.3"), D(0.1))
print(D("1.30") + D("1.20"), D("1.3") * D("1.2"), D("10") / D("4"), D("1") / D("3"), D("2").sqrt())
print(D("7") // D("2"), D("-7") // D("2"), D("7") % D("-2"), divmod(D("7.5"), D("2")))
print(D("123.456").quantize(D("0.01")), D("2.675").quantize(D("0.01"), ROUND_HALF_UP), D("2.665").quantize(D("0.01"), ROUND_HALF_EVEN))
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]:
    print(mode, [str(D(x).quantize(D("1"), rounding=mode)) for x in ["2.5", "3.5", "-2.5", "1.01", "-1.01", "0.5"]])
print(D("1e5"), D("1E+5").normalize(), D("100").normalize(), D("0.000").normalize(), D("-0"), D("1.2300").normalize())
print(D("3.14159").as_tuple(), D("-1.5e10").as_tuple(), D((0, (1, 2, 3), -2)))
print(D("NaN"), D("-Infinity"), D("sNaN").is_snan(), D("inf").is_infinite(), D("NaN").is_nan())
print(D("12.5").to_integral_value(), D("-12.5").to_integral_value(ROUND_HALF_UP), D("1234.5678").adjusted(), D("0.001234").adjusted())
print(D("2") ** 100, D("2") ** D("0.5"), D("100").log10(), D("1").exp(), D("10").ln())
print(D(12345678901234567890), D("1.1").compare(D("2.2")), D("5").max(D("3")), D("5").copy_negate(), D("-5").copy_abs())
print(int(D("42.99")), float(D("0.5")), round(D("2.5")), round(D("3.14159"), 3), D("7.25").fma(2, 1))
print(f"{D('1234567.891'):,.2f}", f"{D('0.00012345'):.3e}", f"{D('12.5'):>10}|", f"{D('-3.5'):+.1f}", format(D("1.5"), "%"))
print(sorted([D("1.1"), D("0.9"), D("1.10"), D("-2")]), max(D("1"), D("1.0")), sum([D("0.01")] * 100))
print(D("1.0") == 1, D("0.5") == 0.5, D("0.1") == 0.1, D("1.5").is_signed(), D("-0").is_zero())
print(D.from_float(0.25), D("3.0").as_integer_ratio(), D("0.75").as_integer_ratio(), D(" 12 "), D("1_000.5"))
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)
total = D(0)
for i in range(1, 101):
    total += D(1) / D(i)
print("harmonic100", total)
