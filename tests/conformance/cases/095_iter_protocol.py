class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 2
        return self.i - 2
print(list(Range2(9)), sum(Range2(100)), 4 in Range2(10), [x for x in Range2(5)])
it = iter(Range2(4))
print(next(it), next(it), next(it, "end"), list(it))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n:
            yield n
            n -= 1
    def __reversed__(self):
        return iter(range(1, self.n + 1))
print(list(Countdown(5)), list(reversed(Countdown(5))))
sentinel_data = iter([3, 2, 1, 0, 5, 6])
print(list(iter(lambda: next(sentinel_data), 0)))
class Peekable:
    def __init__(self, it):
        self.it = iter(it)
        self.buf = []
    def peek(self, default=None):
        if not self.buf:
            try:
                self.buf.append(next(self.it))
            except StopIteration:
                return default
        return self.buf[0]
    def __iter__(self):
        return self
    def __next__(self):
        if self.buf:
            return self.buf.pop()
        return next(self.it)
p = Peekable("abc")
print(p.peek(), next(p), p.peek(), list(p), p.peek("done"))
itr = iter([1, 2, 3])
print(list(zip(itr, itr)), list(itr))
class OldStyle:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 11
print(list(OldStyle()), 22 in OldStyle(), list(enumerate(OldStyle())))
def chunk_reader(data, size):
    pos = 0
    while pos < len(data):
        yield data[pos:pos + size]
        pos += size
print(list(chunk_reader(b"abcdefghij", 3)))
print(list(map(len, iter(["a", "bb"]))), sorted(iter({3, 1, 2})), dict(iter([("a", 1)])), "".join(iter("xyz")))
e = enumerate("ab")
print(next(e), iter(e) is e, list(e))
r = range(10, 0, -3)
print(list(r), r[1], len(r), 4 in r, r.index(7), r.count(1), r == range(10, 0, -3), list(reversed(r)))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration raised")
