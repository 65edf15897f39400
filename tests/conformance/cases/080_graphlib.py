from graphlib import TopologicalSorter, CycleError

g = {2: {11}, 9: {11, 8, 10}, 10: {11, 3}, 11: {7, 5}, 8: {7, 3}}
print(list(TopologicalSorter(g).static_order()))
deps = {"app": ["lib", "utils", "config"], "lib": ["utils", "core"], "utils": ["core"], "config": [], "core": [], "tests": ["app", "mock"], "mock": ["core"]}
ts = TopologicalSorter()
for node, d in deps.items():
    ts.add(node, *d)
ts.prepare()
batch = 0
while ts.is_active():
    ready = sorted(ts.get_ready())
    print("batch", batch, ready)
    batch += 1
    ts.done(*ready)
ts2 = TopologicalSorter({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
try:
    ts2.prepare()
except CycleError as e:
    cyc = e.args[1]
    print("CycleError", e.args[0], len(cyc), cyc[0] == cyc[-1], sorted(set(cyc)))
order = list(TopologicalSorter({i: {j for j in range(i) if i % (j + 1) == 0 and j + 1 != i} for i in range(1, 25)}).static_order())
pos = {n: k for k, n in enumerate(order)}
ok = all(pos[j] < pos[i] for i in range(1, 25) for j in range(i) if i % (j + 1) == 0 and j + 1 != i)
print(len(order), ok)
courses = {"calc2": ["calc1"], "calc1": ["algebra"], "linalg": ["algebra"], "ml": ["linalg", "calc2", "prog"], "prog": []}
print(list(TopologicalSorter(courses).static_order()))
