print("{} {} {}".format(1, "a", [2]), "{1} {0} {1}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
class O:
    attr = "attribute"
print("{0.attr} {o.attr}".format(O, o=O()), "{!r} {!s} {!a}".format("q", "q", "é"))
for spec in ["<10", ">10", "^10", "*^11", "=+8", "+", " ", "-", "08", "#x", "#o", "#b", "x", "X", "c", ",", "_", "_x", "e", ".3f", ".2%", "g", ".1e", "10.4", ">+10.2f", "013,.2f"]:
    out = []
    for v in (1234, -56, 3.5, 1e-3, 255):
        try:
            out.append(format(v, spec))
        except (ValueError, TypeError, OverflowError) as e:
            out.append("ERR")
    print(repr(spec), out)
for s in ["<8", ">8", "^8", ".2", "-^9.3", ""]:
    print(repr(s), repr(format("text", s)))
print("{:{w}.{p}f}|{:>{w}}".format(3.14159, "r", w=10, p=3))
print("{{literal}} {0}".format(5), "{:%Y-%m-%d %H:%M}".format(__import__("datetime").datetime(2020, 2, 3, 4, 5)))
print(format(1e16, ""), format(1e16, "g"), format(123456789.0, ".3"), format(0.1, ".20f"), format(1 / 3, ".15"), format(2 / 3, "r" if False else ""))
print(format(True, "d"), format(True, ""), format(None, ""), format(10**30, ","), format(-0.0, ".1f"), format(0.0, "+.1f"))
print(format(12.5, ".0f"), format(13.5, ".0f"), format(1e22, ".0f"), format(float("nan"), "^7"), format(float("-inf"), "010"))
print(format(1 + 2j, ""), format(3 - 4.5j, ".2f"), format(1j, ">10"), format(complex(1e10, -1e-10), "g"))
class Money:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        s = f"${self.c / 100:,.2f}"
        return format(s, spec) if spec else s
print("{:>12}|{}".format(Money(123456789), Money(5)))
print("{:z.1f}".format(-0.04) if False else "z option is 3.11", format(-0.04, "z.1f"), format(-0.0, "z"))
