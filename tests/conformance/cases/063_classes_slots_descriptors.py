class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
class P3(P):
    __slots__ = ("z",)
q = P3(1, 2)
q.z = 3
print(q.x, q.z, hasattr(q, "__dict__"))
class WithDict(P):
    pass
w = WithDict(1, 2)
w.extra = 5
print(w.extra, sorted(vars(w)))
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.public = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.public} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
pe = Person("ann", 30)
print(pe.name, pe.age, Person.name.public, sorted(vars(pe)))
try:
    pe.age = "old"
except TypeError as e:
    print("TypeError", e)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        v = self.fn(obj)
        setattr(obj, self.fn.__name__, v)
        return v
class Heavy:
    calls = 0
    @Lazy
    def value(self):
        Heavy.calls += 1
        return 42
h = Heavy()
print(h.value, h.value, Heavy.calls)
class Const:
    def __get__(self, obj, cls):
        return "const"
class Holder:
    c = Const()
hh = Holder()
hh.__dict__["c"] = "instance"
print(hh.c, Holder.c)
class Ro:
    def __get__(self, o, c):
        return "data-descriptor"
    def __set__(self, o, v):
        raise AttributeError("read-only")
class Holder2:
    r = Ro()
h2 = Holder2()
h2.__dict__["r"] = "shadow"
print(h2.r)
class Meta(type):
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.created_by_meta = True
        return obj
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(WithMeta(3).created_by_meta, type(WithMeta).__name__)
class Counter:
    instances = 0
    def __new__(cls, *args):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v
Counter(1); Counter(2)
print(Counter.instances)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class GA:
    def __class_getitem__(cls, item):
        return f"GA[{item.__name__}]"
print(GA[int])
class Frozen:
    __slots__ = ("_v",)
    def __init__(self, v):
        object.__setattr__(self, "_v", v)
    def __setattr__(self, k, v):
        raise AttributeError("frozen")
    v = property(lambda self: self._v)
f = Frozen(9)
try:
    f.v = 1
except AttributeError as e:
    print("AttributeError", e, f.v)
