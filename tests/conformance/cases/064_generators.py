def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
print(list(countdown(5)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
def delegator():
    r = yield from countdown(3)
    yield r
print(list(delegator()))
def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
acc = accumulator()
print(next(acc), acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("  cleanup ran")
g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g = guarded()
next(g)
g.close()
print(g.gi_frame is None)
def inf_primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
import itertools
print(list(itertools.islice(inf_primes(), 25)))
gen = (x * x for x in range(10) if x % 2)
print(type(gen).__name__, sum(gen), sum(gen))
def tree_walk(t, depth=0):
    if isinstance(t, list):
        for c in t:
            yield from tree_walk(c, depth + 1)
    else:
        yield (depth, t)
print(list(tree_walk([1, [2, [3, 4]], [[5]], 6])))
def pipeline():
    nums = (i for i in range(1, 21))
    evens = (n for n in nums if n % 2 == 0)
    squares = (e * e for e in evens)
    return list(squares)
print(pipeline())
def closing_gen():
    try:
        yield "a"
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
c = closing_gen(); next(c); c.close()
def bad_gen():
    yield 1
    raise StopIteration("inner")
try:
    list(bad_gen())
except RuntimeError as e:
    print("RuntimeError", e)
import inspect
g = countdown(1)
print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g))
try:
    next(g)
except StopIteration:
    pass
print(inspect.getgeneratorstate(g))
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
fg = fib_gen()
print([next(fg) for _ in range(30)][-5:])
print(list(zip(countdown(3), "abc", itertools.count(100))))
