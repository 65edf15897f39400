"""Decimal arithmetic: compound interest ledger, high-precision series."""
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_EVEN


def ledger(n):
    cent = Decimal("0.01")
    bal = Decimal("1000.00")
    rate = Decimal("0.0425") / 12
    total_interest = Decimal(0)
    for i in range(n):
        interest = (bal * rate).quantize(cent, rounding=ROUND_HALF_EVEN)
        total_interest += interest
        bal += interest
        if i % 12 == 11:
            bal -= Decimal("123.45")
        if bal < 0:
            bal = Decimal("1000.00")
        bal += Decimal(i % 17) / 4
    return bal, total_interest


def machin_pi(digits):
    with localcontext() as ctx:
        ctx.prec = digits + 10

        def arctan_inv(x):
            x = Decimal(x)
            x2 = x * x
            term = 1 / x
            s = term
            k = 1
            while True:
                term /= -x2
                k += 2
                new = s + term / k
                if new == s:
                    return s
                s = new
        pi = 4 * (4 * arctan_inv(5) - arctan_inv(239))
        ctx.prec = digits
        return +pi


def sqrt_sum(n):
    with localcontext() as ctx:
        ctx.prec = 50
        return sum(Decimal(i).sqrt() for i in range(1, n))


if __name__ == "__main__":
    b, t = ledger(600000)
    pi = machin_pi(5000)
    s = sqrt_sum(25000)
    print("checksum:", b, t, str(pi)[-20:], str(s)[:40])
