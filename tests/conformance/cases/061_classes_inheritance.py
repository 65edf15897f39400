class Animal:
    kingdom = "animalia"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def legs():
        return 4
class Dog(Animal):
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
class Bird(Animal):
    @staticmethod
    def legs():
        return 2
    def speak(self):
        return f"{self.name} tweets"
for a in [Animal("generic"), Dog("rex"), Puppy("bit"), Bird.create("tweety")]:
    print(a.describe(), a.legs(), a.kingdom, isinstance(a, Dog), issubclass(type(a), Animal))
print(Animal.count, Puppy.__mro__, Puppy.__bases__, Dog.__subclasses__())
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class X(A, B):
        pass
except TypeError as e:
    print("TypeError", e)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
registry = []
class Plugin(Base, tag="plug"):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        registry.append(cls.__name__)
class P1(Plugin):
    pass
class P2(Plugin, tag="two"):
    pass
print(Plugin.tag, P1.tag, P2.tag, registry)
class Mixin:
    def to_dict(self):
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}
class JsonMixin:
    def to_json(self):
        import json
        return json.dumps(self.to_dict(), sort_keys=True)
class User(Mixin, JsonMixin):
    def __init__(self, name, pw):
        self.name = name
        self._pw = pw
print(User("ann", "secret").to_dict(), User("bob", "x").to_json())
print(hasattr(Dog("a"), "speak"), getattr(Dog("b"), "missing", "default"), type(Dog("c")).__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.Inner.__module__)
E = type("E", (Dog,), {"speak": lambda self: "dynamic " + self.name})
print(E("e").describe(), E.__mro__[1].__name__)
