d = {"b": 2, "a": 1, "c": 3}
print(d, list(d), list(d.values()), list(d.items()), len(d), "a" in d, 5 in d.values())
d["d"] = 4; d["a"] = 10
del d["b"]
print(d, d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.setdefault("a", 99), d.pop("c"), d.pop("zz", "dflt"))
print(d.popitem(), d, d.copy() == d, d.copy() is d)
d.update({"x": 1}, y=2); d.update([("w", 0)])
print(d, dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), dict(zip("xyz", range(3))), dict(a=1, b=2), dict([(1, 2)]))
print(d | {"x": 100, "n": 1}, {"a": 1} | {"a": 2}, {**d, "new": 0})
e = dict(d)
e |= {"y": 22}
print(e, e == d, {1: 1, 2: 2} == {2: 2, 1: 1}, list(reversed(e)), list(reversed(e.items()))[:2])
keys = d.keys()
d["late"] = 1
print(keys, keys & {"x", "late", "nope"} == {"x", "late"}, sorted(keys - {"x"}), sorted(keys | {"q"}), isinstance(keys, type({}.keys())))
try:
    for k in d:
        d["boom"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
class Missing(dict):
    def __missing__(self, k):
        return f"<{k}>"
m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"), len(m))
inv = {v: k for k, v in {"one": 1, "two": 2, "uno": 1}.items()}
print(inv)
nested = {"a": {"b": {"c": 1}}}
def deep_get(d, path, default=None):
    for p in path.split("."):
        if not isinstance(d, dict) or p not in d:
            return default
        d = d[p]
    return d
print(deep_get(nested, "a.b.c"), deep_get(nested, "a.x.c", "nf"))
def deep_merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
print(deep_merge({"a": {"x": 1, "y": 2}, "b": 1}, {"a": {"y": 3, "z": 4}, "c": 5}))
big = {i: i * i for i in range(10000)}
for i in range(0, 10000, 2):
    del big[i]
print(len(big), sum(big.values()), list(big)[:5], list(big)[-3:])
big.clear()
print(big, {1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key", frozenset([3]): "fs"}[frozenset([3])])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
word_counts = {}
for w in "one two three two three three".split():
    word_counts[w] = word_counts.get(w, 0) + 1
print(sorted(word_counts.items(), key=lambda kv: (-kv[1], kv[0])), max(word_counts, key=word_counts.get))
