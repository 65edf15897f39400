def kmp_table(p):
    t = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = t[k - 1]
        if p[i] == p[k]:
            k += 1
        t[i] = k
    return t
def kmp_search(s, p):
    t = kmp_table(p)
    out = []
    k = 0
    for i, ch in enumerate(s):
        while k and ch != p[k]:
            k = t[k - 1]
        if ch == p[k]:
            k += 1
        if k == len(p):
            out.append(i - k + 1)
            k = t[k - 1]
    return out
print(kmp_table("abacabab"), kmp_search("abababcabababcab", "ababc"), kmp_search("aaaaa", "aa"))
def z_array(s):
    z = [0] * len(s)
    l = r = 0
    for i in range(1, len(s)):
        if i < r:
            z[i] = min(r - i, z[i - l])
        while i + z[i] < len(s) and s[z[i]] == s[i + z[i]]:
            z[i] += 1
        if i + z[i] > r:
            l, r = i, i + z[i]
    return z
print(z_array("aabxaabxcaabxaabxay"))
def suffix_array(s):
    return sorted(range(len(s)), key=lambda i: s[i:])
def lcp(s, sa):
    rank = [0] * len(s)
    for i, p in enumerate(sa):
        rank[p] = i
    h = 0
    out = [0] * len(s)
    for i in range(len(s)):
        if rank[i] > 0:
            j = sa[rank[i] - 1]
            while i + h < len(s) and j + h < len(s) and s[i + h] == s[j + h]:
                h += 1
            out[rank[i]] = h
            if h:
                h -= 1
        else:
            h = 0
    return out
s = "banana$"
sa = suffix_array(s)
print(sa, [s[i:] for i in sa], lcp(s, sa))
def longest_repeated(s):
    sa = suffix_array(s)
    l = lcp(s, sa)
    i = max(range(len(l)), key=lambda k: l[k])
    return s[sa[i]:sa[i] + l[i]]
print(longest_repeated("the quick brown fox jumps over the lazy dog the quick"))
def manacher_longest_pal(s):
    t = "^#" + "#".join(s) + "#$"
    p = [0] * len(t)
    c = r = 0
    for i in range(1, len(t) - 1):
        if i < r:
            p[i] = min(r - i, p[2 * c - i])
        while t[i + p[i] + 1] == t[i - p[i] - 1]:
            p[i] += 1
        if i + p[i] > r:
            c, r = i, i + p[i]
    k = max(range(len(p)), key=lambda i: p[i])
    start = (k - p[k]) // 2
    return s[start:start + p[k]]
print([manacher_longest_pal(x) for x in ["babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba", "x"]])
def rabin_karp(s, p, base=256, mod=1_000_000_007):
    n, m = len(s), len(p)
    if m > n:
        return []
    hp = hs = 0
    hi = pow(base, m - 1, mod)
    for i in range(m):
        hp = (hp * base + ord(p[i])) % mod
        hs = (hs * base + ord(s[i])) % mod
    out = []
    for i in range(n - m + 1):
        if hp == hs and s[i:i + m] == p:
            out.append(i)
        if i + m < n:
            hs = ((hs - ord(s[i]) * hi) * base + ord(s[i + m])) % mod
    return out
print(rabin_karp("abracadabra abracadabra", "abra"), rabin_karp("x", "xyz"))
def bwt(s):
    s += "\0"
    rot = sorted(s[i:] + s[:i] for i in range(len(s)))
    return "".join(r[-1] for r in rot)
def ibwt(b):
    table = [""] * len(b)
    for _ in range(len(b)):
        table = sorted(b[i] + table[i] for i in range(len(b)))
    return next(r for r in table if r.endswith("\0"))[:-1]
enc = bwt("banana bandana")
print(repr(enc), ibwt(enc))
def huffman(text):
    import heapq
    from collections import Counter
    h = [(n, i, ch) for i, (ch, n) in enumerate(sorted(Counter(text).items()))]
    heapq.heapify(h)
    k = len(h)
    while len(h) > 1:
        a = heapq.heappop(h)
        b = heapq.heappop(h)
        heapq.heappush(h, (a[0] + b[0], k, (a, b)))
        k += 1
    codes = {}
    def walk(node, pre):
        if isinstance(node[2], str):
            codes[node[2]] = pre or "0"
        else:
            walk(node[2][0], pre + "0")
            walk(node[2][1], pre + "1")
    walk(h[0], "")
    return codes
codes = huffman("this is an example of a huffman tree")
print(sorted(codes.items()), sum(len(codes[c]) for c in "this is an example of a huffman tree"))
