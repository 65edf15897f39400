from collections import Counter, deque

words = "the cat and the hat and the bat sat on the mat with a cat".split()
c = Counter(words)
print(c.most_common(4), c["the"], c["zebra"], sum(c.values()), c.total())
print(sorted(c.items()))
c2 = Counter("abracadabra")
print(sorted(c2.items()), c2.most_common(2), "".join(sorted(c2.elements())))
a, b = Counter(a=3, b=1, c=2), Counter(a=1, b=2, d=4)
print(sorted((a + b).items()), sorted((a - b).items()), sorted((a & b).items()), sorted((a | b).items()))
a.subtract(b)
print(sorted(a.items()), sorted((+a).items()), sorted((-a).items()))
a.update(x=5)
print(sorted(a.items()), Counter(a=1) == Counter(a=1, b=0), Counter(a=2) <= Counter(a=3, b=1))
d = deque(range(5), maxlen=7)
d.append(5); d.appendleft(-1); d.append(6)
print(d, d.maxlen, len(d))
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.extend([7, 8]); print(d)
d.extendleft("ab"); print(d)
print(d.pop(), d.popleft(), d.count(3), d.index(3), d[0], d[-1])
d.remove(3); d.reverse(); print(d, list(reversed(d)))
d.insert(2, "x"); print(d)
d.clear(); print(d, bool(d))
def moving_average(seq, n):
    it = iter(seq)
    win = deque(maxlen=n)
    total = 0
    out = []
    for x in it:
        if len(win) == n:
            total -= win[0]
        win.append(x)
        total += x
        if len(win) == n:
            out.append(total / n)
    return out
print(moving_average([40, 30, 50, 46, 39, 44], 3))
q = deque()
for i in range(10):
    q.append(i)
    if i % 3 == 2:
        print("served", q.popleft(), q.popleft())
print("left", list(q))
