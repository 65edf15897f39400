import math

for a, b in [(12, 18), (17, 5), (0, 9), (-24, 36), (2**64, 2**40 * 3), (123456789, 987654321)]:
    print("gcd/lcm", a, b, math.gcd(a, b), math.lcm(a, b))
print("gcd multi", math.gcd(12, 18, 30), math.gcd(), math.lcm(2, 3, 4, 5), math.lcm())
for n in [0, 1, 2, 3, 10, 15, 99, 100, 10**20, 2**100 + 12345]:
    r = math.isqrt(n)
    print("isqrt", n, r, r * r <= n < (r + 1) ** 2)
for n in range(0, 21, 4):
    print("factorial", n, math.factorial(n))
for n, k in [(5, 2), (10, 3), (52, 5), (100, 50), (30, 0), (3, 5)]:
    print("comb/perm", n, k, math.comb(n, k), math.perm(n, k))
print("perm none", math.perm(6))
print("prod", math.prod(range(1, 11)), math.prod([1.5, 2, 4]), math.prod([], start=7))
print("pascal")
for n in range(10):
    print(" ".join(str(math.comb(n, k)) for k in range(n + 1)).center(40).rstrip())
print("trunc", math.trunc(-7.9), int(-7.9), int("  42 "), int("-0x1f", 16), int("0b1011", 0), int("1_000_000"))
print("int bases", [int("zz", b) for b in (36,)], int("777", 8), int("ff", 16))
print("divmod", [divmod(a, b) for a in (17, -17) for b in (5, -5)])
print("floordiv", [a // b for a in (7, -7) for b in (2, -2)])
print("pow3", pow(3, 200, 10**9 + 7), pow(2, -1, 7), pow(38, -1, 97))
