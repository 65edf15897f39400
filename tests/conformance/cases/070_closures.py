def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
print(inc(), inc(5), get(), inc.__code__.co_freevars, inc.__closure__[0].cell_contents)
adders = [lambda x, i=i: x + i for i in range(5)]
late = [lambda x: x + i for i in range(5)]
print([f(10) for f in adders], [f(10) for f in late])
def make_multipliers():
    return [lambda x, n=n: x * n for n in (2, 3, 4)]
print([m(5) for m in make_multipliers()])
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def inner_global():
        global x
        return x
    return inner(), inner_global()
print(outer())
def shadow():
    x = "local"
    return x
print(shadow(), x)
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def compose(*fs):
    def composed(v):
        for f in reversed(fs):
            v = f(v)
        return v
    return composed
print(compose(str, lambda v: v * 2, abs)(-21), compose()(7))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
best = max(range(1, 30000), key=collatz_len)
print(best, collatz_len(best), len(collatz_len.cache))
def curry(f, arity):
    def step(args):
        if len(args) == arity:
            return f(*args)
        return lambda a: step(args + (a,))
    return step(())
add3 = curry(lambda a, b, c: a * 100 + b * 10 + c, 3)
print(add3(1)(2)(3))
def accumulate_calls():
    calls = []
    def record(*a, **k):
        calls.append((a, tuple(sorted(k.items()))))
        return len(calls)
    return record, calls
rec, calls = accumulate_calls()
rec(1); rec(2, x=3); rec()
print(calls)
def scope_test():
    def do_local():
        spam = "local spam"
    def do_nonlocal():
        nonlocal spam
        spam = "nonlocal spam"
    spam = "test spam"
    do_local(); a = spam
    do_nonlocal(); b = spam
    return a, b
print(scope_test())
gen_closure = [(lambda: j) for j in range(3)]
print([g() for g in gen_closure])
class C:
    y = 5
    vals = [y * k for k in range(3)] if False else None
    def m(self):
        return self.y
print(C().m(), C.vals)
