import math

print(pow(2, 10**6, 10**9 + 7), pow(3, 10**100, 10**20), pow(7, -1, 10**9 + 7), pow(123456789, 987654321, 2**61 - 1))
def is_probable_prime(n):
    if n < 2:
        return False
    small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    for p in small:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
mersenne = [p for p in range(2, 640) if is_probable_prime(2**p - 1)]
print("mersenne exponents", mersenne)
print([n for n in range(10**12, 10**12 + 200) if is_probable_prime(n)])
p = 2**127 - 1
q = 2**89 - 1
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
msg = int.from_bytes(b"PolyAgent RSA test message", "big")
c = pow(msg, e, n)
print("rsa", c % 10**30, pow(c, d, n) == msg, pow(c, d, n).to_bytes(26, "big"))
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
print(egcd(240, 46), egcd(2**100 + 1, 3**60 + 2))
def crt(rems, mods):
    x, M = 0, 1
    for r, m in zip(rems, mods):
        g, p, _ = egcd(M, m)
        x += (r - x) * p % m * M
        M *= m
        x %= M
    return x
print(crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 11, 13]))
def pollard_rho(n):
    if n % 2 == 0:
        return 2
    for c in range(1, 50):
        x = y = 2
        d = 1
        while d == 1:
            x = (x * x + c) % n
            y = (y * y + c) % n
            y = (y * y + c) % n
            d = math.gcd(abs(x - y), n)
        if d != n:
            return d
    return n
def factor(n):
    if n == 1:
        return []
    if is_probable_prime(n):
        return [n]
    d = pollard_rho(n)
    return sorted(factor(d) + factor(n // d))
for v in [600851475143, 2**64 + 1, 10**18 + 9, 2**32 * 3**20 * 7, 999999000001 * 1000003]:
    print(v, factor(v))
print(pow(2, 2**20) % 1000003, (1 << 100000).bit_length(), (3**5000).bit_count(), math.isqrt(10**200) == 10**100)
print(int.bit_length(-(2**70)), (-5) >> 1, (-5) // 2, -(2**100) >> 90, ~(2**80))
