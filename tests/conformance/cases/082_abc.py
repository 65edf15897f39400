from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import collections.abc as cabc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"
class Partial(Shape):
    def area(self):
        return 0
try:
    Partial()
except TypeError as e:
    print("TypeError", e)
print(Square(3).describe(), isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
class Duck(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return any("quack" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
class Mallard:
    def quack(self):
        return "quack"
print(issubclass(Mallard, Duck), isinstance(Mallard(), Duck), isinstance(1, Duck))
class Registered(ABC):
    pass
Registered.register(int)
print(issubclass(int, Registered), isinstance(5, Registered), issubclass(str, Registered))
class MyMap(cabc.Mapping):
    def __init__(self, d):
        self._d = dict(d)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
m = MyMap({"a": 1, "b": 2})
print(m["a"], m.get("z", 0), "b" in m, list(m.keys()), list(m.items()), m == {"a": 1, "b": 2}, len(m))
class MySeq(cabc.Sequence):
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * 10
    def __len__(self):
        return 5
s = MySeq()
print(list(s), s.index(30), s.count(20), 40 in s, list(reversed(s)))
class Bag(cabc.MutableSet):
    def __init__(self, it=()):
        self._items = []
        for x in it:
            self.add(x)
    def __contains__(self, x):
        return x in self._items
    def __iter__(self):
        return iter(self._items)
    def __len__(self):
        return len(self._items)
    def add(self, x):
        if x not in self._items:
            self._items.append(x)
    def discard(self, x):
        if x in self._items:
            self._items.remove(x)
b = Bag([3, 1, 2, 3])
b |= Bag([9])
print(list(b), list(b & Bag([1, 9, 7])), b.isdisjoint([100]), len(b))
for obj in [[], (), {}, set(), "s", b"b", 1, 1.0, iter([]), (x for x in []), len, range(3), memoryview(b"")]:
    print(type(obj).__name__, [n for n in ("Iterable", "Iterator", "Sequence", "MutableSequence", "Mapping", "Set", "Hashable", "Sized", "Callable", "Generator", "Collection", "Reversible")
                               if isinstance(obj, getattr(cabc, n))])
class Meta(ABCMeta):
    pass
class WithMeta(metaclass=Meta):
    @abstractmethod
    def f(self):
        pass
print(type(WithMeta).__name__, getattr(WithMeta.f, "__isabstractmethod__", False))
