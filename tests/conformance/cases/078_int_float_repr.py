vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e17, 1.5e-5, 123456789.123456789, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        2.0 ** 53, 2.0 ** 53 + 1, 0.1 * 3, 100.0, -0.0, 1e-7, 12345678912345.6, 9007199254740993.0, 0.3, 4.35, 2.675]
for v in vals:
    print(repr(v), str(v), v.hex(), v.as_integer_ratio() if v == v and abs(v) != float("inf") else "", v.is_integer(), round(v, 2), f"{v:.17g}")
for s in ["0x1.8p1", "0x1p-1074", "-0x1.fffffffffffffp+1023", "0x.8p0"]:
    print(s, float.fromhex(s))
for s in ["1e500", "-inf", "nan", "  3.25  ", "1_000.5", "+.5", "5.", "infinity", "-0", "1e-400"]:
    print(repr(s), float(s))
for bad in ["", "1,5", "0x10", "1e", "--1", "in f"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(1234.5678, -2), round(15, -1), round(25, -1), round(-35, -1))
print(int(3.99), int(-3.99), int(1e20), int(2.0 ** 70), float(2 ** 70), float(10 ** 20 + 1), 10 ** 20 + 1 == float(10 ** 20 + 1))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10) != 0, float("nan") == float("nan"), 0.0 == -0.0)
print(7 / 2, 7 // 2, -7 / 2, -7 // 2, 7 % -2, 2 ** -1, 2 ** 0.5 == 2 ** 0.5, 10 / 5, type(10 / 5).__name__, True + True)
print(1_000_000, 0b1010, 0o17, 0xFF, 1e3, 1E-3, 0.5e1, .5, 5., 0x_ff, 1_0.0_1)
print(bin(-10), oct(-10), hex(-255), int("-0b101", 0), int("0o17", 0), int("0x1F", 0), int("z", 36), int("Z", 36))
print((255).to_bytes(2, "big"), (1024).bit_length(), (255).bit_count(), (-1).bit_length(), (10).as_integer_ratio(), (7).conjugate())
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True), (2**64).to_bytes(9, "little"))
print(float(1 / 3).__repr__(), (0.1).__round__(0), abs(-0.0), max(0.0, -0.0), min(-0.0, 0.0), 3 * 0.1 == 0.3)
import sys
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_repr_style)
print(sum([0.1] * 10), 1.1 + 2.2, 3.3 * 3, 100 * 1.1, 0.1 ** 2, 1 - 0.9, 1e-16 + 1, (1e-16 + 1) - 1)
acc = 0.0
for i in range(1, 10001):
    acc += 1.0 / (i * i)
print(repr(acc), f"{acc:.15f}")
