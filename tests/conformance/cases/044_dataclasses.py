from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, KW_ONLY, make_dataclass, is_dataclass, MISSING
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p, p.dist2(), p == Point(3, 4), p != Point(4, 3), repr(Point(1)))
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)
vs = [Version(1, 2), Version(1, 10), Version(0, 9, 9), Version(1, 2, 1, "rc")]
print(sorted(vs), max(vs), Version(1, 2) == Version(1, 2, 0, "x"))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(len({Version(1), Version(1), Version(2)}))
@dataclass
class Inventory:
    owner: str
    items: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    secret: str = field(default="hidden", repr=False)
    def __post_init__(self):
        Inventory.count += 1
a = Inventory("ann"); b = Inventory("bob", ["sword"])
a.items.append("shield")
print(a, b, Inventory.count, a.items is not b.items)
print(asdict(b), astuple(b), replace(b, owner="cid"))
print([(f.name, f.type if isinstance(f.type, str) else f.type.__name__ if hasattr(f.type, "__name__") else str(f.type), "MISSING" if f.default is MISSING else f.default) for f in fields(Point)])
@dataclass
class Nested:
    p: Point
    tags: dict
n = Nested(Point(1, 2), {"k": [Point(5, 6)]})
print(asdict(n))
@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.a *= scale
print(WithInit(5, 3), WithInit(5))
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(KW(1, c=9))
@dataclass(kw_only=True)
class AllKW:
    x: int
    y: int
print(AllKW(y=1, x=2))
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "s"
s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)
try:
    s.c = 3
except AttributeError:
    print("AttributeError on slotted")
Dyn = make_dataclass("Dyn", [("name", str), ("val", int, field(default=7))], namespace={"twice": lambda self: self.val * 2})
d = Dyn("z")
print(d, d.twice(), is_dataclass(d), is_dataclass(Dyn), is_dataclass(5))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1))
@dataclass
class Base:
    a: int
    b: int = 10
@dataclass
class Child(Base):
    c: int = 20
    b: int = 99
print(Child(1), [f.name for f in fields(Child)])
@dataclass(match_args=True)
class M:
    k: str
    v: int
match M("x", 3):
    case M(k, v) if v > 2:
        print("matched", k, v)
