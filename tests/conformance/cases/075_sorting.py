import functools
import operator

people = [("ann", 31, "nyc"), ("Bob", 25, "la"), ("cid", 31, "sf"), ("dee", 25, "nyc"), ("Eve", 40, "la"), ("fay", 31, "la")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0].lower())))
print(sorted(people, key=operator.itemgetter(2, 1)), sorted(people, key=lambda p: p[0].lower(), reverse=True))
s = sorted(people, key=operator.itemgetter(0))
s.sort(key=operator.itemgetter(1))
print("stable", s)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Éclair", "eclair", "10", "9", "1_0"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=str.casefold), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)), max(words, key=len), min(words, key=lambda w: w[-1]))
def natural_key(s):
    import re
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", s)]
files = ["file10.txt", "file2.txt", "File1.txt", "file1b.txt", "file20.txt", "file3.txt"]
print(sorted(files), sorted(files, key=natural_key))
nums = [3.5, -1, 2, float("inf"), 0, -0.0, 1e-9, 7]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
print(sorted({"b": 2, "a": 3, "c": 1}), sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]))
def cmp_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)
print(sorted(words, key=functools.cmp_to_key(cmp_len_then_rev)))
data = list(range(20))
data.sort(key=lambda v: (v % 3, -v))
print(data)
lst = [5, 2, 8, 1]
print(lst.sort(), lst, sorted("hello"), sorted((3, 1, 2)), list(reversed(sorted([3, 1, 2]))))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
def quick_sort(a):
    if len(a) <= 1:
        return a
    p = a[len(a) // 2]
    return quick_sort([x for x in a if x < p]) + [x for x in a if x == p] + quick_sort([x for x in a if x > p])
import random
random.seed(3)
arr = [random.randint(-1000, 1000) for _ in range(500)]
print(merge_sort(arr) == sorted(arr), quick_sort(arr) == sorted(arr), sorted(arr)[:10], sorted(arr)[-5:])
records = [{"n": "x", "s": 3}, {"n": "y", "s": 1}, {"n": "z", "s": 3}, {"n": "w", "s": 2}]
print([r["n"] for r in sorted(records, key=lambda r: r["s"], reverse=True)])
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2, 1], [1, 2], [1]]), sorted([True, False, 0, 1, -1]))
