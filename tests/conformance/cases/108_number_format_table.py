specs = ["d", "5d", "+d", "x", "#X", "o", "#b", ",", "_", "08,d", "e", ".2e", "f", ".0f", ".3f", "g", ".3g", ".10g", "%", ".1%", "10.2f", "<10", "^10", ">+10.3e", "=+12,.2f", "#.0f", "#g"]
ints = [0, 7, -7, 255, 65536, -1234567, 10**15]
floats = [0.0, -0.0, 0.5, 1.0, -1.5, 3.14159265, 2.5e-8, 1234567.891, 6.02214076e23, 1e-300, 123456789012.0]
for s in specs:
    row = []
    for v in ints + floats:
        try:
            row.append(format(v, s))
        except ValueError:
            row.append("-")
    print(f"{s:>10}: " + " | ".join(row))
for v in floats:
    print(repr(v), str(v), f"{v!r}", "%r" % v, "%s" % v, "%.12g" % v, round(v, 3), round(v, -2) if abs(v) < 1e300 else "")
for n in [0, 1, 9, 10, 99, 100, 12345678901234567890]:
    print(n, f"{n:,}", f"{n:_b}", f"{n:#_x}", f"{n:e}", f"{n:.3%}", str(n).rjust(22, "."))
def human(n):
    for unit in ("", "K", "M", "G", "T", "P"):
        if abs(n) < 1000:
            return f"{n:.3g}{unit}"
        n /= 1000
    return f"{n:.1f}E"
print([human(x) for x in (0, 999, 1000, 1234, 999999, 1e6, 12345678, 9.99e11, 3e15, 7e20)])
