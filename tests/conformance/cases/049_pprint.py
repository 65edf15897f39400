import pprint

data = {"name": "widget", "tags": ["a", "b", "c"] * 5, "dims": {"w": 10, "h": 20, "d": {"x": [1, 2, 3], "y": (4, 5)}},
        "matrix": [[i * j for j in range(8)] for i in range(6)], "text": "lorem ipsum dolor sit amet " * 4,
        "set": {5, 3, 1, 4}, "fs": frozenset({9, 8}), "none": None, "b": b"bytes" * 10}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data, compact=True, width=60)
pprint.pprint(data, sort_dicts=False, indent=2, width=100)
print(pprint.pformat(list(range(40)), width=30))
print(pprint.pformat({"z": 1, "a": 2, "m": {"q": 1, "b": 2}}))
print(pprint.saferepr({"x": [1, 2, {"y": 3}]}), pprint.isreadable([1, "a"]), pprint.isrecursive([1]))
r = [1, 2]
r.append(r)
print("<Recursion on list with id=" in pprint.pformat(r), pprint.pformat(r).startswith("[1, 2, <Recursion"), pprint.isrecursive(r))
pprint.pprint({"k%02d" % i: "value %d" % i for i in range(12)}, width=50)
pprint.pprint(("a" * 30, "b" * 30, ["c" * 20] * 3), width=50)
pprint.pprint(123456789 * 10**20, underscore_numbers=True)
pp = pprint.PrettyPrinter(width=20)
pp.pprint({"deep": {"er": {"est": list(range(10))}}})
