import heapq
import random

random.seed(5)
data = [random.randint(0, 999) for _ in range(50)]
h = list(data)
heapq.heapify(h)
print(h[:10], h[0] == min(data))
print([heapq.heappop(h) for _ in range(10)])
heapq.heappush(h, -1)
print(heapq.heappushpop(h, 5000), heapq.heapreplace(h, -5), h[0])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data))
people = [("ann", 31), ("bob", 25), ("cid", 40), ("dee", 25), ("eve", 35)]
print(heapq.nsmallest(3, people, key=lambda p: p[1]), heapq.nlargest(2, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge(["apple", "fig"], ["Banana", "cherry"], key=str.lower)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
def heapsort(xs):
    h = []
    for x in xs:
        heapq.heappush(h, x)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort(data) == sorted(data))
tasks = []
for i, (prio, name) in enumerate([(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship")]):
    heapq.heappush(tasks, (prio, i, name))
print([heapq.heappop(tasks)[2] for _ in range(len(tasks))])
def kth_smallest_pairs(a, b, k):
    out = []
    h = [(a[0] + b[j], 0, j) for j in range(len(b))]
    heapq.heapify(h)
    while h and len(out) < k:
        s, i, j = heapq.heappop(h)
        out.append((a[i], b[j]))
        if i + 1 < len(a):
            heapq.heappush(h, (a[i + 1] + b[j], i + 1, j))
    return out
print(kth_smallest_pairs([1, 7, 11], [2, 4, 6], 6))
def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))
g = {"A": [("B", 4), ("C", 2)], "B": [("C", 5), ("D", 10)], "C": [("E", 3)], "D": [("F", 11)], "E": [("D", 4)], "F": []}
print(dijkstra(g, "A"))
