import datetime
import decimal

name, n, pi = "World", 42, 3.141592653589793
print(f"Hello, {name}! {n} {n:5d} {n:<5}| {n:^7}| {n:#x} {n:b} {pi:.3f} {pi:10.4f}| {pi:e} {pi:.2%}")
print(f"{name!r} {name!s} {name!a} {'é'!a} {name=} {n * 2 = } {pi=:.2f}")
print(f"{'nested ' + name.upper():>20}", f"{[x * x for x in range(5)]}", f"{ {'k': 1}['k'] }", f"{(lambda x: x + 1)(1)}")
w, p = 12, 4
print(f"{pi:{w}.{p}f}|{name:{'*'}^{w}}|{n:0{w}_}")
d = datetime.date(2024, 7, 4)
print(f"{d}", f"{d:%A %d %B %Y}", f"{d!r}", f"{datetime.time(9, 5):%H.%M}")
print(f"{decimal.Decimal('1.005'):.2f}", f"{1234567.891:,.2f}", f"{-1234567:_}", f"{0.000123:.2e}", f"{1e100:.3g}")
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|", f"{3:+}", f"{-3:+}", f"{3: }", f"{3:=+5}", f"{-3:=6}")
x = 10
print(f"{x if x > 5 else 0}", f"{x:{'>' if x > 5 else '<'}6}", f"{'yes' if x else 'no'}")
print(f"""multi
line {x}
{'end'}""")
print(f"{{braces}} {{{x}}}", rf"raw\n{x}", f"{x!r:>5}", F"{x}", f"{3.0:g}", f"{10**20:.2e}")
items = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'Item':<10}{'Price':>8}{'Qty':>5}{'Total':>10}")
for it, pr, q in items:
    print(f"{it:<10}{pr:>8.2f}{q:>5d}{pr * q:>10.2f}")
print(f"{'TOTAL':<23}{sum(p * q for _, p, q in items):>10.2f}")
def fmt_bytes(num):
    for unit in ["B", "KiB", "MiB", "GiB", "TiB"]:
        if abs(num) < 1024:
            return f"{num:3.1f} {unit}"
        num /= 1024
    return f"{num:.1f} PiB"
print([fmt_bytes(v) for v in (0, 1023, 1024, 10**6, 3 * 2**30, 2**50, 10**18)])
print(f"{123:08.3f}", f"{-0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}", f"{123456789:,d}", f"{0xFF:#010b}", f"{65:c}")
