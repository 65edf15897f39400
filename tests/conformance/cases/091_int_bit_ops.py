for a, b in [(0b1100, 0b1010), (255, 15), (-1, 0xFF), (-12, 5), (2**70, 2**65 + 1), (-(2**70), 12345)]:
    print(a, b, a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in range(20)], [bin(n).count("1") for n in range(20)] == [popcount(n) for n in range(20)])
def gray(n):
    return n ^ (n >> 1)
print([format(gray(i), "04b") for i in range(16)])
def reverse_bits32(n):
    r = 0
    for _ in range(32):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
print(hex(reverse_bits32(0x12345678)), hex(reverse_bits32(1)))
def subsets(mask):
    s = mask
    out = []
    while s:
        out.append(s)
        s = (s - 1) & mask
    return out + [0]
print(subsets(0b1011))
print([(n & -n) for n in range(1, 17)], [n.bit_length() for n in (0, 1, 2, 3, 255, 256, -256)])
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(hex(x), x.bit_count(), (x >> 60) & 0xF, x & 0xFFFF)
def xorshift32(s):
    s ^= (s << 13) & 0xFFFFFFFF
    s ^= s >> 17
    s ^= (s << 5) & 0xFFFFFFFF
    return s & 0xFFFFFFFF
s = 2463534242
seq = []
for _ in range(10):
    s = xorshift32(s)
    seq.append(s)
print(seq)
def fnv1a(data):
    h = 0xcbf29ce484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
print([hex(fnv1a(w.encode())) for w in ["", "a", "foobar", "polyagent"]])
def murmur_mix(k):
    k ^= k >> 33
    k = (k * 0xff51afd7ed558ccd) & (2**64 - 1)
    k ^= k >> 33
    k = (k * 0xc4ceb9fe1a85ec53) & (2**64 - 1)
    k ^= k >> 33
    return k
print([murmur_mix(i) for i in range(5)])
print(int.__and__(6, 3), (5).__lshift__(2), (1 << 200) >> 199, -(1 << 200) >> 199, 1 << 0, (-1) << 5)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
