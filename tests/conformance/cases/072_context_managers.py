from contextlib import contextmanager
import io

log = []
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.suppress
with Managed("a") as A, Managed("b") as B:
    log.append(f"body {A} {B}")
print(log); log.clear()
with Managed("outer", suppress=True):
    with Managed("inner"):
        raise ValueError("x")
print(log); log.clear()
with (Managed("p1") as x,
      Managed("p2") as y):
    log.append(x + y)
print(log); log.clear()
@contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name
    except KeyError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"</{name}>")
with tag("div") as t:
    with tag("span"):
        log.append("text")
with tag("p"):
    raise KeyError("k")
print(log); log.clear()
@contextmanager
def temp_attr(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)
class O:
    v = 1
with temp_attr(O, "v", 99):
    print("inside", O.v)
print("after", O.v)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
        return False
db = {"a": 1}
with Transaction(db) as s:
    s["b"] = 2
try:
    with Transaction(db) as s:
        s["c"] = 3
        raise RuntimeError("abort")
except RuntimeError:
    pass
print(db)
with open("/tmp/.pa_ctx_unused", "w") if False else io.StringIO("in memory") as fh:
    print(fh.read(), fh.closed)
print(fh.closed)
class Reentrant:
    depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
r = Reentrant()
with r as d1:
    with r as d2:
        print("depths", d1, d2)
print("final depth", r.depth)
