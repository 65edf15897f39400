from dataclasses import dataclass

def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num if num > 1000:
            return f"big {num}"
        case str() as s if s.isdigit():
            return f"numeric string {s}"
        case str(s):
            return f"string {s!r}"
        case []:
            return "empty list"
        case [single]:
            return f"one item {single}"
        case [first, *rest] if len(rest) > 3:
            return f"long list starting {first}, {len(rest)} more"
        case [a, b, *_]:
            return f"list {a},{b},..."
        case (x, y):
            return "never (tuples match sequence above)"
        case {"type": "point", "x": px, "y": py}:
            return f"point dict {px},{py}"
        case {"type": t, **others}:
            return f"typed {t} with {sorted(others)}"
        case None:
            return "none"
        case _:
            return f"other {type(x).__name__}"
for v in [0, 2, -5, 5000, 12.5, 1e4, "42", "hi", [], [9], [1, 2, 3, 4, 5], [1, 2], (7, 8), {"type": "point", "x": 1, "y": 2},
          {"type": "circle", "r": 3, "c": 0}, None, {1, 2}, 3.5]:
    print(repr(v), "->", classify(v))
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Line:
    a: Point
    b: Point
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return "vertical line"
        case Line(a=Point(y=ya), b=Point(y=yb)) if ya == yb:
            return "horizontal line"
        case Line():
            return "some line"
        case _:
            return "elsewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(4, 4), Point(1, 2), Line(Point(1, 2), Point(1, 9)),
          Line(Point(0, 3), Point(5, 3)), Line(Point(0, 0), Point(1, 1)), "x"]:
    print(p, "->", where(p))
def run(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"going {d}"
        case ["pick", "up", *items] if items:
            return f"picking {', '.join(items)}"
        case ["drop", item, "in", container]:
            return f"drop {item} into {container}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "nothing"
for c in ["go north", "go up", "pick up sword shield", "pick up", "drop key in box", "exit", "dance wildly", ""]:
    print(repr(c), "->", run(c))
import enum
class Op(enum.Enum):
    ADD = "+"
    MUL = "*"
def evaluate(expr):
    match expr:
        case (Op.ADD, l, r):
            return evaluate(l) + evaluate(r)
        case (Op.MUL, l, r):
            return evaluate(l) * evaluate(r)
        case int(v):
            return v
print(evaluate((Op.ADD, 2, (Op.MUL, 3, (Op.ADD, 4, 1)))))
match {"a": 1, "b": {"c": [1, 2, {"d": "deep"}]}}:
    case {"b": {"c": [_, _, {"d": str(found)}]}}:
        print("found", found)
match 42:
    case x:
        print("capture", x)
