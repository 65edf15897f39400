x = 0
def f():
    x = 1
    def g():
        nonlocal x
        x += 1
        def h():
            nonlocal x
            x *= 10
            return x
        return h()
    r = g()
    return x, r
print(f(), x)
def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add, items
add, items = make()
add("a"); add("b")
print(items)
try:
    def broken():
        print(y_undefined)
        y_undefined = 1
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
try:
    undefined_name
except NameError as e:
    print("NameError", e, e.name)
class K:
    attr = 1
    def m(self):
        return attr_global
attr_global = "module-level"
print(K().m())
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2), defaults(3, []))
def kwonly(a, /, b, *, c, d=4, **rest):
    return (a, b, c, d, sorted(rest.items()))
print(kwonly(1, 2, c=3), kwonly(1, b=2, c=3, d=5, e=6, f=7))
try:
    kwonly(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError", e)
try:
    kwonly(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
def star(*args, **kwargs):
    return args, dict(sorted(kwargs.items()))
print(star(), star(1, *[2, 3], *(4,), k=1, **{"z": 26, "a": 1}))
print((lambda *a, **k: (a, k))(1, x=2), (lambda: None)(), (lambda x=5: x)())
import builtins
print("len" in dir(builtins), __name__, type(__builtins__).__name__ in ("module", "dict"))
g_before = set(globals())
exec("new_global = 5", globals())
print(new_global, sorted(set(globals()) - g_before))
ns = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\nc = f()", ns)
print(ns["a"], ns["b"], ns["c"], eval("a * 100 + c", ns), eval("x + y", {"x": 1}, {"y": 2}))
def locals_demo(p, q=2):
    z = p + q
    return sorted(locals().items())
print(locals_demo(1))
print(__name__ == "__main__", __doc__ is None)
