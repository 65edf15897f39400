import bisect

a = [1, 2, 4, 4, 4, 7, 9, 12]
for x in [0, 1, 4, 5, 12, 13]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3))
b = []
for x in [5, 1, 9, 3, 3, 7, 0]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 3)
print(b)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 59, 60]])
recs = [("ann", 3), ("bob", 7), ("cid", 7), ("dee", 12)]
print(bisect.bisect_left(recs, 7, key=lambda r: r[1]), bisect.bisect_right(recs, 7, key=lambda r: r[1]))
bisect.insort(recs, ("eve", 8), key=lambda r: r[1])
print(recs)
def index(a, x):
    i = bisect.bisect_left(a, x)
    return i if i != len(a) and a[i] == x else -1
print([index(a, x) for x in (4, 5, 9, 1)])
import math
def isqrt_bs(n):
    lo, hi = 0, n + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
print([isqrt_bs(n) == math.isqrt(n) for n in (0, 1, 15, 16, 10**18 + 7)])
