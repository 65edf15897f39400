from collections import deque, defaultdict
import heapq

edges = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3), ("E", "D", 4), ("D", "F", 11), ("E", "F", 20), ("G", "H", 1)]
graph = defaultdict(list)
for u, v, w in edges:
    graph[u].append((v, w))
    graph[v].append((u, w))
for k in graph:
    graph[k].sort()
def bfs(start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        u = q.popleft()
        order.append(u)
        for v, _ in graph[u]:
            if v not in seen:
                seen.add(v)
                q.append(v)
    return order
def dfs(start, seen=None):
    seen = seen if seen is not None else []
    seen.append(start)
    for v, _ in graph[start]:
        if v not in seen:
            dfs(v, seen)
    return seen
print(bfs("A"), dfs("A"), bfs("G"))
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            if d + w < dist.get(v, float("inf")):
                dist[v] = d + w
                prev[v] = u
                heapq.heappush(pq, (d + w, v))
    return dist, prev
dist, prev = dijkstra("A")
def path(prev, t):
    p = [t]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return p[::-1]
print(sorted(dist.items()), path(prev, "F"))
def kruskal(nodes, edges):
    parent = {n: n for n in nodes}
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    mst = []
    for u, v, w in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            mst.append((u, v, w))
    return mst, sum(w for *_, w in mst)
print(kruskal(sorted(graph), edges))
def components():
    seen = set()
    comps = []
    for n in sorted(graph):
        if n not in seen:
            c = bfs(n)
            seen.update(c)
            comps.append(sorted(c))
    return comps
print(components())
def floyd(nodes):
    INF = float("inf")
    d = {(a, b): (0 if a == b else INF) for a in nodes for b in nodes}
    for u, v, w in edges:
        d[u, v] = min(d[u, v], w)
        d[v, u] = min(d[v, u], w)
    for k in nodes:
        for i in nodes:
            for j in nodes:
                if d[i, k] + d[k, j] < d[i, j]:
                    d[i, j] = d[i, k] + d[k, j]
    return d
fw = floyd(sorted(graph))
print([fw["A", n] for n in sorted(graph)], fw["F", "C"], fw["A", "G"])
dag = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"], "socks": ["shoes"], "shoes": [], "jacket": [], "watch": []}
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n in g if indeg[n] == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out
print(topo(dag))
maze = ["S.#.......",
        ".##.####..",
        "....#..#.#",
        "##.##.##..",
        "...#...#.E"]
def solve(maze):
    R, C = len(maze), len(maze[0])
    start = next((r, c) for r in range(R) for c in range(C) if maze[r][c] == "S")
    q = deque([(start, 0)])
    seen = {start}
    while q:
        (r, c), d = q.popleft()
        if maze[r][c] == "E":
            return d
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and maze[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
    return -1
print("maze steps", solve(maze))
def n_queens(n):
    count = 0
    sols = []
    def place(row, cols, d1, d2, cur):
        nonlocal count
        if row == n:
            count += 1
            if len(sols) < 2:
                sols.append(cur[:])
            return
        for c in range(n):
            if c not in cols and row - c not in d1 and row + c not in d2:
                cur.append(c)
                place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, cur)
                cur.pop()
    place(0, frozenset(), frozenset(), frozenset(), [])
    return count, sols
print([n_queens(n)[0] for n in range(1, 9)], n_queens(8)[1])
