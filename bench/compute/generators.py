"""Generators and iterator pipelines: yield, yield from, generator
expressions, itertools."""
import itertools


def primes():
    composites = {}
    n = 2
    while True:
        p = composites.pop(n, None)
        if p is None:
            yield n
            composites[n * n] = n
        else:
            m = n + p
            while m in composites:
                m += p
            composites[m] = p
        n += 1


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


def walk(tree):
    if isinstance(tree, tuple):
        for child in tree:
            yield from walk(child)
    else:
        yield tree


def build(depth, start=0):
    if depth == 0:
        return start
    return (build(depth - 1, start * 2), build(depth - 1, start * 2 + 1))


def pipeline(n):
    nums = (i * i for i in range(n))
    odd = (x for x in nums if x & 1)
    scaled = (x // 3 for x in odd)
    windows = zip(scaled, itertools.islice(scaled, 1, None))
    return sum(a ^ b for a, b in windows)


def main():
    acc = sum(itertools.islice(primes(), 50000))
    acc += sum(sum(1 for _ in collatz(n)) for n in range(1, 30000))
    acc += sum(walk(build(16)))
    acc += pipeline(1000000)
    acc += sum(len(list(g)) * k for k, g in itertools.groupby(sorted(i % 37 for i in range(100000))))
    acc += sum(itertools.accumulate(range(100000), lambda a, b: (a + b) % 1000003))
    print("checksum:", acc)


if __name__ == "__main__":
    main()
