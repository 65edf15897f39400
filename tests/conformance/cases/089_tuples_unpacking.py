t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t.index(3.0), t.count(1), t + (5,), t * 2, (1,), (), tuple("ab"))
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
a, b, c = 1, 2, 3
a, b = b, a
print(a, b, c)
first, *middle, last = range(10)
print(first, middle, last)
*init, tail = "hello"
print(init, tail)
head, *_ = [9]
print(head, _)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
[p, q] = "pq"
print(p, q)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)
def multi():
    return 1, 2, 3
r = multi()
print(r, type(r).__name__, *r, sep="|")
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"), max([(1, "b"), (1, "a"), (0, "z")]))
nested = ((1, 2), (3, (4, 5)))
((n1, n2), (n3, (n4, n5))) = nested
print(n1 + n2 + n3 + n4 + n5)
points = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*points)
print(xs, ys, sum(x * y for x, y in points))
d = dict(points)
print(d, sorted(d.items(), key=lambda kv: -kv[1]))
print(divmod(17, 5), (lambda *args: args)(1, 2), tuple(range(3)), tuple(reversed((1, 2, 3))))
swap = [3, 1, 2]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
print(*[1, 2], *"ab", *(3,), sep=",")
print({**{"a": 1}}, [*{1: 2}], (*range(2), *range(2)))
