from collections import OrderedDict, defaultdict, namedtuple, ChainMap, UserDict, UserList, UserString

od = OrderedDict()
for k in "zebra":
    od[k] = ord(k)
print(od, list(od))
od.move_to_end("z"); od.move_to_end("r", last=False)
print(list(od.items()), od.popitem(), od.popitem(last=False))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry apricot".split():
    dd[word[0]].append(word)
print(sorted(dd.items()), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
t["a"]["d"] = 2
def plain(x):
    return {k: plain(v) for k, v in x.items()} if isinstance(x, dict) else x
print(plain(t))
Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x + p.y, p._asdict(), p._replace(y=10), Point._fields, Point._make([7, 8]))
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=[1000])
e = Emp("ann", "eng")
print(e, Emp._field_defaults, e[0], e[-1], tuple(e), e == ("ann", "eng", 1000))
x, y = p
print(x, y, Point(*[1, 2]), isinstance(p, tuple))
R = namedtuple("R", "a def b", rename=True)
print(R._fields)
base = {"color": "red", "size": "M"}
over = {"color": "blue"}
cm = ChainMap(over, base)
print(cm["color"], cm["size"], len(cm), sorted(cm), cm.maps)
child = cm.new_child({"size": "L"})
print(child["size"], child.parents["size"], dict(sorted(child.items())))
cm["new"] = 1
print(over, base)
class LowerDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
ld = LowerDict()
ld["KEY"] = 1; ld["Other"] = 2
print(ld, "key" in ld)
class Stack(UserList):
    def push(self, x):
        self.append(x)
s = Stack([1, 2]); s.push(3)
print(s, s[-1], s * 2, type(s + [4]).__name__)
class Shout(UserString):
    def shout(self):
        return self.upper() + "!"
print(Shout("hey").shout(), Shout("abc")[1:], Shout("a") + "b")
