import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m for m in Color.__members__], Color.RED in Color)
print(isinstance(Color.RED, Color), Color.RED == 1, Color.RED is Color(1))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 6)
print(Planet.EARTH.gravity, Planet.MERCURY.value, Planet.EARTH.radius)
class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.SQUARE + 1, Shape.CIRCLE < Shape.SQUARE, sorted([Shape.SQUARE, Shape.CIRCLE]), int(Shape.SQUARE), f"{Shape.SQUARE}")
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.R, ~Perm.R, Perm(7), list(Perm.RWX), bool(Perm(0)))
class P2(IntFlag):
    A = 1
    B = 2
    C = 4
print(P2.A | P2.C, P2.A | 8, int(P2.B | P2.C), P2(3), repr(P2(0)))
class Auto(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()
print([(m.name, m.value) for m in Auto])
class Lower(StrEnum):
    ALPHA = auto()
    BETA = "b"
print(Lower.ALPHA, Lower.BETA.upper(), Lower.ALPHA == "alpha", f"{Lower.BETA}")
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("unique ValueError", e)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.CAT.value)
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    @classmethod
    def _missing_(cls, value):
        return cls.INACTIVE if isinstance(value, str) and value.upper() == "OFF" else None
    def describe(self):
        return f"{self.name.title()}({self.value})"
print(Status("OFF"), Status.ACTIVE.describe(), {s: s.value for s in Status})
print(Color.RED.__class__.__name__, type(Color).__name__, hash(Color.RED) == hash(Color.RED))
class Ordered(Enum):
    def __lt__(self, other):
        return self.value < other.value
    LOW = 1
    HIGH = 3
    MID = 2
print(sorted(Ordered), enum.Enum.__name__)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green matched")
