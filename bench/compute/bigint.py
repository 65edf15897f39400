"""Big-integer arithmetic: pi digits by a spigot, factorials, modular powers,
Fibonacci by doubling, and decimal conversion of large numbers."""
import sys


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def fib(n):
    def fd(n):
        if n == 0:
            return 0, 1
        a, b = fd(n >> 1)
        c = a * (2 * b - a)
        d = a * a + b * b
        return (d, c + d) if n & 1 else (c, d)
    return fd(n)[0]


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def main():
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    d = pi_digits(2500)
    acc = sum(d) * 7 + d[-1]
    f = factorial(12000)
    acc += f % 1000000007 + f.bit_length()
    fb = fib(700000)
    acc += fb % 998244353
    s = str(fb)
    acc += len(s) + int(s[:9])
    acc += pow(3, 10**5, 2**521 - 1) % 10**9
    big = 7 ** 100000
    acc += big // (3 ** 50000) % 1000003
    print("checksum:", acc)


if __name__ == "__main__":
    main()
