a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b, a <= a | b, a < a, {1, 2} < a, a.isdisjoint({9}), a.issuperset({1, 2}))
a.add(6); a.discard(100); a.remove(1)
print(a, len(a), 3 in a, 1 in a)
try:
    a.remove(100)
except KeyError as e:
    print("KeyError", e)
a.update([10, 11], {12}); a.difference_update({2, 3}); print(sorted(a))
a.intersection_update(range(5, 12)); print(sorted(a))
a.symmetric_difference_update({5, 99}); print(sorted(a))
print(sorted(a.union([0], (100,))), sorted(a.intersection({6, 10, 7})), sorted(a.difference({6})), sorted(a.symmetric_difference({6, 7})))
words = {"banana", "apple", "cherry", "date"}
print(sorted(words), sorted(words, key=lambda w: (len(w), w)), sorted(w.upper() for w in words), len(words))
fs = frozenset([3, 1, 2])
print(sorted(fs), fs | {9} == frozenset({1, 2, 3, 9}), type(fs | {9}).__name__, type({9} | fs).__name__, {fs: "key"}[frozenset([1, 2, 3])])
print(set(), set("hello") == {"h", "e", "l", "o"}, sorted(set("mississippi")), {x % 5 for x in range(20)})
print(sorted({(1, 2), (1, 2), (2, 1)}), len({0, 0.0, False}), len({1, True, 1.0}), {None} | {None})
s = set(range(100))
for i in range(0, 100, 3):
    s.discard(i)
print(len(s), sum(s), min(s), max(s))
p = {1, 2}
print(p.pop() in (1, 2), len(p), p.copy() == p, bool(set()), sorted(set([3, 3, 2])))
primes = set(range(2, 100))
for n in range(2, 10):
    primes -= set(range(n * n, 100, n))
print(sorted(primes))
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
print(sorted({"b", "a"} | {"c"}), sorted({"x", "y"} & {"y", "z"}), sorted({"k1", "k2", "k3"} - {"k2"}))
