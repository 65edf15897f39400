class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.classes[name] = cls
        cls.kw = kw
        return cls
    def __repr__(cls):
        return f"<registered {cls.__name__}>"
class Base(metaclass=Registry):
    pass
class One(Base, flag=True):
    pass
class Two(Base):
    pass
print(sorted(Registry.classes), One.kw, Two.kw, repr(One), type(One).__name__)
class AutoProps(type):
    def __new__(mcls, name, bases, ns):
        for field in ns.get("fields", ()):
            ns[field] = property(lambda self, f=field: self._data.get(f), lambda self, v, f=field: self._data.__setitem__(f, v))
        ns["__init__"] = lambda self, **kw: setattr(self, "_data", dict(kw))
        return super().__new__(mcls, name, bases, ns)
class Record(metaclass=AutoProps):
    fields = ("name", "age")
r = Record(name="ann", age=3)
r.age = 4
print(r.name, r.age, r._data)
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"_order": []}
    def __new__(mcls, name, bases, ns):
        ns["_order"] = [k for k in ns if not k.startswith("_")]
        return super().__new__(mcls, name, bases, dict(ns))
class Cfg(metaclass=Ordered):
    zeta = 1
    alpha = 2
    def method(self):
        pass
print(Cfg._order)
class SingletonMeta(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Db(metaclass=SingletonMeta):
    def __init__(self, url="x"):
        self.url = url
print(Db("a").url, Db("b").url, Db() is Db())
class Validated(type):
    def __new__(mcls, name, bases, ns):
        for k, v in ns.items():
            if k.startswith("test_") and not callable(v):
                raise TypeError(f"{name}.{k} must be callable")
        return super().__new__(mcls, name, bases, ns)
try:
    class Bad(metaclass=Validated):
        test_x = 5
except TypeError as e:
    print("TypeError", e)
Dynamic = type("Dynamic", (object,), {"greet": lambda self: "hi from " + type(self).__name__, "n": 3})
print(Dynamic().greet(), Dynamic.n, Dynamic.__mro__)
class Meta2(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")
class Duckish(metaclass=Meta2):
    pass
class D:
    quack = 1
print(isinstance(D(), Duckish), isinstance(1, Duckish))
class Counted(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.created = 0
    def __call__(cls, *a):
        cls.created += 1
        return super().__call__(*a)
class W(metaclass=Counted):
    pass
W(); W(); W()
print(W.created, type(W).__mro__[1].__name__, isinstance(W, type), type(type) is type)
