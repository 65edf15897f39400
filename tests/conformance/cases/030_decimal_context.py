import decimal
from decimal import Decimal as D, localcontext, Context

ctx = decimal.getcontext()
print(ctx.prec, ctx.rounding, ctx.Emax, ctx.Emin, ctx.capitals, ctx.clamp)
with localcontext() as c:
    c.prec = 50
    print(D(1) / D(7))
    print(D(2).sqrt())
    c.prec = 5
    print(D(1) / D(7), D("123456789") + 0, +D("1.23456789"))
print(D(1) / D(7))
c = Context(prec=6, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact])
try:
    c.divide(D(1), D(3))
except decimal.Inexact:
    print("Inexact trapped")
print(c.divide(D(1), D(4)))
c2 = Context(prec=10, traps=[])
print(c2.divide(D(1), D(0)), c2.flags[decimal.DivisionByZero])
print(c2.sqrt(D(-1)), c2.flags[decimal.InvalidOperation])
c3 = Context(Emax=5, Emin=-5, traps=[])
print(c3.multiply(D("9e5"), D("10")), c3.flags[decimal.Overflow])
print(c3.create_decimal("1.234567890123456789e-7"), c3.create_decimal("0.00000001"))
with localcontext(prec=100) as lc:
    pi = D(0)
    k = 0
    term = D(1)
    # Machin: pi = 16 atan(1/5) - 4 atan(1/239)
    def atan_inv(n):
        x = D(1) / n
        x2 = x * x
        s = D(0)
        t = x
        i = 1
        sign = 1
        while True:
            new = s + sign * t / i
            if new == s:
                return s
            s = new
            t *= x2
            i += 2
            sign = -sign
    pi = 16 * atan_inv(5) - 4 * atan_inv(239)
    print("pi100", +pi)
    e = D(0)
    f = D(1)
    for n in range(1, 80):
        e += 1 / f
        f *= n
    print("e100", +e)
with localcontext(prec=30, rounding=decimal.ROUND_HALF_EVEN):
    print(D(10) ** D("0.5"), D(2).ln(), D("0.5").exp())
print(decimal.BasicContext.prec, decimal.ExtendedContext.prec, decimal.BasicContext.rounding)
print(D("1.23456789").quantize(D("1.000"), context=Context(prec=3, traps=[])))
try:
    D("1.23456789").quantize(D("1.000"), context=Context(prec=3))
except decimal.InvalidOperation:
    print("quantize InvalidOperation")
interest = D("1000.00")
for year in range(1, 11):
    interest = (interest * D("1.0375")).quantize(D("0.01"), rounding=decimal.ROUND_HALF_EVEN)
    print(year, interest)
