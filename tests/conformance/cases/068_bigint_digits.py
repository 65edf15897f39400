import math
import sys

n = 2 ** 10000
s = str(n)
print(len(s), sum(map(int, s)), s[:50], s[-50:])
f = math.factorial(500)
fs = str(f)
print(len(fs), sum(map(int, fs)), fs[:40], len(fs) - len(fs.rstrip("0")))
print(f % (10**9 + 7), f.bit_length(), bin(f).count("1"))
print(hex(2**200 - 1)[:20], oct(3**100), (2**521 - 1) % 1000000007)
fib = [0, 1]
for _ in range(1000):
    fib.append(fib[-1] + fib[-2])
print(len(str(fib[1000])), str(fib[1000])[:30], fib[1000] % 999999937)
def sqrt_digits(n, digits):
    return math.isqrt(n * 10 ** (2 * digits))
print("sqrt2", str(sqrt_digits(2, 200)))
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print("pi", pi_digits(300))
e_num = sum(math.factorial(300) // math.factorial(k) for k in range(301))
print("e", str(e_num * 10**200 // math.factorial(300)))
print(int("9" * 1000) + 1 == 10**1000, (10**500 - 1) // 9 == int("1" * 500), -(10**100) // 7, (-(10**100)) % 7)
big = 12345678901234567890123456789
print(big * big, big ** 3 // big ** 2 == big, divmod(big ** 2, 987654321987654321))
print(int.from_bytes(b"\xff" * 40, "big"), (2**256).to_bytes(33, "big").hex(), (-12345).to_bytes(4, "little", signed=True).hex())
print(sys.get_int_max_str_digits(), len(str(10**4000)))
try:
    str(10**5000)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(0)
print(len(str(10**5000)), sum(map(int, str(3**20000))))
