def sieve(n):
    is_p = bytearray([1]) * (n + 1)
    is_p[0:2] = b"\x00\x00"
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = bytearray(len(range(i * i, n + 1, i)))
    return [i for i, v in enumerate(is_p) if v]
ps = sieve(200000)
print(len(ps), ps[:20], ps[-5:], sum(ps))
gaps = {}
for a, b in zip(ps, ps[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:12], max(gaps))
twins = [(a, b) for a, b in zip(ps, ps[1:]) if b - a == 2]
print(len(twins), twins[:5], twins[-2:])
def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out
for n in [360, 97, 1001, 2**16 + 1, 123456789, 600851475143, 9999991]:
    print(n, factorize(n))
def totient(n):
    r = n
    for p in set(factorize(n)):
        r -= r // p
    return r
print([totient(n) for n in range(1, 31)], sum(totient(n) for n in range(1, 2001)))
def divisors(n):
    small, large = [], []
    i = 1
    while i * i <= n:
        if n % i == 0:
            small.append(i)
            if i != n // i:
                large.append(n // i)
        i += 1
    return small + large[::-1]
print(divisors(360), [n for n in range(2, 10000) if sum(divisors(n)[:-1]) == n])
goldbach = {n: next(p for p in ps if (n - p) in set(ps[:3000])) for n in range(4, 60, 2)}
print(goldbach)
spiral = [n for n in range(1, 400) if all(n % p for p in ps[:10] if p < n)]
print(len(spiral))
