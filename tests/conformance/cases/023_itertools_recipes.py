# Small helpers in the spirit of the itertools recipes, written for this test.
import itertools as it
import collections
import operator

def take(n, iterable):
    return list(it.islice(iterable, n))

def chunked(iterable, n):
    iterator = iter(iterable)
    while True:
        block = tuple(it.islice(iterator, n))
        if not block:
            return
        yield block

def windows(iterable, n):
    buf = collections.deque(maxlen=n)
    for x in iterable:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)

def interleave(*iterables):
    iterators = [iter(x) for x in iterables]
    while iterators:
        alive = []
        for i in iterators:
            try:
                yield next(i)
                alive.append(i)
            except StopIteration:
                pass
        iterators = alive

def all_subsets(items):
    items = list(items)
    return it.chain.from_iterable(it.combinations(items, r) for r in range(len(items) + 1))

def first_seen(iterable, key=None):
    seen = []
    for x in iterable:
        k = x if key is None else key(x)
        if k not in seen:
            seen.append(k)
            yield x

def split_by(pred, iterable):
    a, b = it.tee(iterable)
    return list(it.filterfalse(pred, a)), list(filter(pred, b))

def flatten(nested):
    for x in nested:
        if isinstance(x, (list, tuple)):
            yield from flatten(x)
        else:
            yield x

def nth(iterable, n, default=None):
    return next(it.islice(iterable, n, None), default)

def count_true(iterable, pred=bool):
    return sum(map(pred, iterable))

def dot(a, b):
    return sum(map(operator.mul, a, b))

def run_lengths(s):
    return [(k, sum(1 for _ in g)) for k, g in it.groupby(s)]

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(take(12, fib()))
print(list(chunked("ABCDEFGHIJ", 3)))
print(list(windows(range(7), 3)))
print(list(interleave("ABC", "D", "EF")))
print(list(all_subsets([1, 2, 3])))
print(list(first_seen("AAAABBBCCDAABBB")), list(first_seen("ABbCcAD", str.lower)))
print(split_by(lambda x: x % 3 == 0, range(12)))
print(list(flatten([1, [2, [3, [4, (5, 6)]], 7], [[8]]])))
print(nth(fib(), 50), nth(iter([1]), 5, "none"))
print(count_true(range(20), lambda x: x % 7 == 0), dot([1, 2, 3], [4, 5, 6]))
print(run_lengths("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"))
print(sum(take(1000, fib())) % 1000000007)
print(["".join(p) for p in it.permutations("abcd") if p[0] < p[-1]][:10])
magic = [p for p in it.permutations(range(1, 10)) if sum(p[0:3]) == sum(p[3:6]) == sum(p[6:9]) == sum(p[0::3]) == sum(p[1::3]) == 15 and p[0] + p[4] + p[8] == 15 and p[2] + p[4] + p[6] == 15]
print(len(magic), magic[:2])
