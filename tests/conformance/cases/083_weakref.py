import gc
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"
events = []
o = Obj("a")
r = weakref.ref(o, lambda ref: events.append("callback a"))
print(r() is o, r(), weakref.getweakrefcount(o))
del o
print(r(), events)
cache = weakref.WeakValueDictionary()
keep = [Obj(i) for i in range(5)]
for x in keep:
    cache[x.name] = x
print(sorted(cache.keys()))
del keep[1:3]
print(sorted(cache.keys()))
wk = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
wk[k1] = 1
wk[k2] = 2
del k1
print(sorted(v for v in wk.values()), len(wk))
fin_log = []
o2 = Obj("fin")
f = weakref.finalize(o2, fin_log.append, "finalized fin")
print(f.alive)
del o2
print(fin_log, f.alive)
class Node:
    def __init__(self, v):
        self.v = v
        self.parent = None
        self.children = []
    def add(self, c):
        c.parent = weakref.ref(self)
        self.children.append(c)
root = Node("root")
child = Node("child")
root.add(child)
print(child.parent().v)
del root
print(child.parent())
gc.disable()
a = Obj("cycle-a")
b = Obj("cycle-b")
a.other, b.other = b, a
ra = weakref.ref(a)
del a, b
print("before collect alive:", ra() is not None)
gc.collect()
print("after collect alive:", ra() is not None)
p = Obj("proxied")
px = weakref.proxy(p)
print(px.name, repr(px.name))
del p
try:
    px.name
except ReferenceError as e:
    print("ReferenceError", e)
ws = weakref.WeakSet()
items = [Obj(i) for i in range(4)]
for it in items:
    ws.add(it)
items.pop()
print(len(ws))
class M:
    def method(self):
        return "bound result"
m = M()
wm = weakref.WeakMethod(m.method)
print(wm()())
del m
print(wm())
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError", e)
