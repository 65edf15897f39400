import math
class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __format__(self, spec):
        return f"({format(self.x, spec)}, {format(self.y, spec)})"
    def __round__(self, n=0):
        return Vec(round(self.x, n), round(self.y, n))
a, b = Vec(3, 4), Vec(1, -2)
print(a, repr(b), a + b, a - b, a * 2, 3 * b, a @ b, -a, abs(a), bool(Vec(0, 0)), list(a), a[1], len(a))
print(a == Vec(3, 4), a != b, sorted([a, b, Vec(0, 1)]), max(a, b), f"{Vec(1.23456, 2):.2f}", round(Vec(1.26, 2.71), 1))
c = a
c += b
print(a, c is a, len({Vec(1, 1), Vec(1, 1), Vec(2, 2)}), Vec(1, 1) in {Vec(1, 1)})
x, y = Vec(7, 8)
print(x, y, *Vec(5, 6))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]
    def __setitem__(self, idx, v):
        r, c = idx
        self.rows[r][c] = v
    def __contains__(self, v):
        return any(v in r for r in self.rows)
    def __call__(self, scale):
        return Matrix([[v * scale for v in r] for r in self.rows])
    def __repr__(self):
        return f"Matrix({self.rows})"
m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 20
print(m[0, 1], m[1, 0], 4 in m, 5 in m, m(3))
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t.celsius)
class Dyn:
    def __getattr__(self, name):
        return f"dyn_{name}"
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
d = Dyn()
d.n = 5
print(d.n, d.missing, getattr(d, "other"))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 1)
class Count:
    def __init__(self):
        self.n = 0
    def __enter__(self):
        self.n += 1
        return self
    def __exit__(self, *a):
        self.n += 10
        return False
with Count() as cn:
    pass
print(cn.n)
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return i * i
print(list(Seq(5)), 9 in Seq(5), list(reversed(Seq(4))))
