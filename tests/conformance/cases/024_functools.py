import functools

print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(lambda a, b: a + b, [], 0))
p = functools.partial(int, base=2)
print(p("1011"), p.func is int, p.keywords, functools.partial(pow, 2)(10))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(150), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.lru_cache(maxsize=3)
def sq(x):
    return x * x
for x in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(x)
print(sq.cache_info())
@functools.cache
def ways(n, coins=(1, 5, 10, 25, 50)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print("ways", ways(100), ways(300))
@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int %d" % x
@describe.register(list)
def _(x):
    return "list of %d" % len(x)
@describe.register(str)
def _(x):
    return "str " + x
print(describe(5), describe([1, 2]), describe("s"), describe(2.5), describe(True))
@functools.total_ordering
class Ver:
    def __init__(self, s):
        self.t = tuple(map(int, s.split(".")))
    def __eq__(self, o):
        return self.t == o.t
    def __lt__(self, o):
        return self.t < o.t
    def __repr__(self):
        return "V" + ".".join(map(str, self.t))
vs = [Ver(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2.0"]]
print(sorted(vs), max(vs), Ver("1.0") >= Ver("0.9"), Ver("1.0") <= Ver("0.9"))
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def documented(a, b=2):
    "docstring here"
    return a + b
print(documented.__name__, documented.__doc__, documented(1), documented.__wrapped__.__name__)
print(sorted(["banana", "Apple", "cherry"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
class Circle:
    def __init__(self, r):
        self.r = r
        self.calls = 0
    @functools.cached_property
    def area(self):
        self.calls += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.calls)
class Cell:
    def __init__(self):
        self.v = 0
    def set(self, v):
        self.v = v
    set_five = functools.partialmethod(set, 5)
cl = Cell(); cl.set_five(); print(cl.v)
print(functools.reduce(lambda acc, x: acc + [acc[-1] + x], [1, 2, 3, 4], [0]))
