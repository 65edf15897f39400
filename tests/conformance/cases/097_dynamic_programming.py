from functools import lru_cache

def lcs(a, b):
    m, n = len(a), len(b)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m):
        for j in range(n):
            dp[i + 1][j + 1] = dp[i][j] + 1 if a[i] == b[j] else max(dp[i][j + 1], dp[i + 1][j])
    out = []
    i, j = m, n
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[m][n], "".join(reversed(out))
print(lcs("AGGTAB", "GXTXAYB"), lcs("the quick brown fox", "a quick brown dog jumps"))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc"), ("same", "same")]:
    print(a, b, edit_distance(a, b))
def knapsack(items, cap):
    dp = [0] * (cap + 1)
    choice = [[] for _ in range(cap + 1)]
    for w, v, name in items:
        for c in range(cap, w - 1, -1):
            if dp[c - w] + v > dp[c]:
                dp[c] = dp[c - w] + v
                choice[c] = choice[c - w] + [name]
    return dp[cap], choice[cap]
items = [(12, 4, "a"), (2, 2, "b"), (1, 1, "c"), (1, 2, "d"), (4, 10, "e"), (3, 7, "f"), (7, 9, "g")]
print(knapsack(items, 15), knapsack(items, 5))
def coin_change(coins, amount):
    INF = amount + 1
    dp = [0] + [INF] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]:
                dp[a] = dp[a - c] + 1
    return dp[amount] if dp[amount] < INF else -1
print([coin_change([1, 5, 10, 25], a) for a in (0, 3, 30, 63, 99)], coin_change([2], 3), coin_change([186, 419, 83, 408], 6249))
def lis(seq):
    import bisect
    tails = []
    for x in seq:
        i = bisect.bisect_left(tails, x)
        tails[i:i + 1] = [x]
    return len(tails)
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis(list(range(100))), lis([(i * 37) % 101 for i in range(300)]))
@lru_cache(maxsize=None)
def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print([partitions(n) for n in range(1, 21)], partitions(100))
def matrix_chain(dims):
    n = len(dims) - 1
    dp = [[0] * n for _ in range(n)]
    for length in range(2, n + 1):
        for i in range(n - length + 1):
            j = i + length - 1
            dp[i][j] = min(dp[i][k] + dp[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1] for k in range(i, j))
    return dp[0][n - 1]
print(matrix_chain([40, 20, 30, 10, 30]), matrix_chain([10, 20, 30, 40, 30]), matrix_chain([1, 2, 3, 4, 3]))
def grid_paths(r, c, blocked):
    dp = [[0] * c for _ in range(r)]
    dp[0][0] = 1
    for i in range(r):
        for j in range(c):
            if (i, j) in blocked:
                dp[i][j] = 0
                continue
            if i:
                dp[i][j] += dp[i - 1][j]
            if j:
                dp[i][j] += dp[i][j - 1]
    return dp[-1][-1]
print(grid_paths(3, 3, set()), grid_paths(18, 18, {(5, 5), (10, 3)}), grid_paths(30, 30, set()))
def max_subarray(a):
    best = cur = a[0]
    for x in a[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best
print(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]), max_subarray([(i * 7919) % 201 - 100 for i in range(1000)]))
