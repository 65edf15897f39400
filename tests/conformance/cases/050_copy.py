import copy

orig = {"a": [1, 2, [3, 4]], "b": {"c": {"d": 5}}, "t": (1, [2])}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["a"][2].append(99)
orig["b"]["c"]["d"] = 6
orig["t"][1].append(3)
print(sh)
print(dp)
print(sh["a"] is orig["a"], dp["a"] is orig["a"], dp["t"] is orig["t"])
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc[2] is not cyc, len(cc))
shared = [0]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair[0] is dpair[1], dpair[0] is not shared)
class Node:
    def __init__(self, v, kids=None):
        self.v = v
        self.kids = kids or []
    def __repr__(self):
        return f"Node({self.v}, {self.kids})"
class Custom:
    def __init__(self, data):
        self.data = data
        self.log = []
    def __copy__(self):
        c = Custom(self.data)
        c.log = ["copied"]
        return c
    def __deepcopy__(self, memo):
        c = Custom(copy.deepcopy(self.data, memo))
        c.log = ["deepcopied"]
        return c
t = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(t)
t2.kids[1].kids[0].v = 40
print(t, t2)
c = Custom([1, 2])
print(copy.copy(c).log, copy.deepcopy(c).log, copy.copy(c).data is c.data, copy.deepcopy(c).data is c.data)
class Slots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
        self.b = "x"
s2 = copy.deepcopy(Slots())
print(s2.a, s2.b)
import types
print(copy.copy(5), copy.deepcopy("s"), copy.copy((1, 2)), copy.deepcopy(frozenset([1])), copy.copy(len) is len)
class Reduced:
    def __init__(self, x):
        self.x = x
    def __reduce__(self):
        return (Reduced, (self.x * 2,))
print(copy.copy(Reduced(5)).x, copy.deepcopy(Reduced(5)).x)
print(copy.replace if hasattr(copy, "replace") else "no copy.replace in 3.11")
