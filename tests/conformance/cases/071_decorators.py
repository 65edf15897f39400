import functools

calls = []
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(f"{fn.__name__}{args}")
        result = fn(*args, **kwargs)
        calls.append(f"{fn.__name__} -> {result!r}")
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, 2); add("x", "y")
print(calls, add.__name__)
def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return f"hi {name}"
print(hello("bob"))
def bold(fn):
    return lambda *a: "<b>" + fn(*a) + "</b>"
def italic(fn):
    return lambda *a: "<i>" + fn(*a) + "</i>"
@bold
@italic
def text(s):
    return s
print(text("stacked"))
def validate(**types):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(**kw):
            for k, t in types.items():
                if not isinstance(kw.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return fn(**kw)
        return wrapper
    return deco
@validate(x=int, y=str)
def use(x, y):
    return y * x
print(use(x=3, y="ab"))
try:
    use(x="3", y="ab")
except TypeError as e:
    print("TypeError", e)
registry = {}
def register(name=None):
    def deco(fn):
        registry[name or fn.__name__] = fn
        return fn
    return deco
@register()
def alpha():
    return "A"
@register("b")
def beta():
    return "B"
print(sorted(registry), registry["b"]())
def singleton(cls):
    inst = {}
    def get(*a, **k):
        if cls not in inst:
            inst[cls] = cls(*a, **k)
        return inst[cls]
    return get
@singleton
class Config:
    def __init__(self, v=1):
        self.v = v
print(Config(5).v, Config(9).v, Config() is Config())
def add_method(cls):
    cls.shout = lambda self: self.name.upper()
    return cls
@add_method
class Dog:
    def __init__(self, name):
        self.name = name
print(Dog("rex").shout())
class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)
@CountCalls
def square(x):
    return x * x
print([square(i) for i in range(5)], square.n, square.__name__)
class Api:
    def __init__(self):
        self.log = []
    @staticmethod
    def util(x):
        return x + 1
    @classmethod
    def make(cls):
        return cls()
    @property
    def size(self):
        return len(self.log)
a = Api.make()
print(Api.util(1), a.size, type(a).__name__)
def deco_with_state(fn):
    fn.attr = "tagged"
    return fn
@deco_with_state
def tagged():
    pass
print(tagged.attr)
def timer_like(label):
    def deco(fn):
        def wrapper(*a):
            r = fn(*a)
            return f"{label}:{r}"
        return wrapper
    return deco
print(timer_like("L")(lambda x: x * 2)(21))
