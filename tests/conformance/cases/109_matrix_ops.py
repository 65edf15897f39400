from fractions import Fraction

def matmul(A, B):
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def matpow(M, e):
    R = identity(len(M))
    while e:
        if e & 1:
            R = matmul(R, M)
        M = matmul(M, M)
        e >>= 1
    return R
print(matpow([[1, 1], [1, 0]], 90)[0][1])
def det(M):
    M = [[Fraction(x) for x in row] for row in M]
    n = len(M)
    d = Fraction(1)
    for i in range(n):
        p = next((r for r in range(i, n) if M[r][i] != 0), None)
        if p is None:
            return Fraction(0)
        if p != i:
            M[i], M[p] = M[p], M[i]
            d = -d
        d *= M[i][i]
        for r in range(i + 1, n):
            f = M[r][i] / M[i][i]
            for c in range(i, n):
                M[r][c] -= f * M[i][c]
    return d
def inverse(M):
    n = len(M)
    A = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(M)]
    for i in range(n):
        p = next(r for r in range(i, n) if A[r][i] != 0)
        A[i], A[p] = A[p], A[i]
        piv = A[i][i]
        A[i] = [x / piv for x in A[i]]
        for r in range(n):
            if r != i:
                f = A[r][i]
                A[r] = [a - f * b for a, b in zip(A[r], A[i])]
    return [row[n:] for row in A]
M = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print(det(M), [[str(x) for x in row] for row in inverse(M)])
H = [[Fraction(1, i + j + 1) for j in range(6)] for i in range(6)]
print("hilbert det", det(H))
Hi = inverse(H)
print("hilbert inverse row0", [str(x) for x in Hi[0]])
print(matmul(H, Hi) == identity(6))
def transpose(M):
    return [list(r) for r in zip(*M)]
A = [[1, 2, 3], [4, 5, 6]]
print(transpose(A), matmul(A, transpose(A)), matmul(transpose(A), A))
def solve(M, b):
    inv = inverse(M)
    return [sum(inv[i][j] * b[j] for j in range(len(b))) for i in range(len(b))]
print([str(x) for x in solve([[3, 2, -1], [2, -2, 4], [-1, Fraction(1, 2), -1]], [1, -2, 0])])
def spiral(n):
    g = [[0] * n for _ in range(n)]
    r = c = 0
    dr, dc = 0, 1
    for k in range(1, n * n + 1):
        g[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n) or g[nr][nc]:
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return g
for row in spiral(6):
    print(" ".join(f"{v:2d}" for v in row))
def rotate90(M):
    return [list(r) for r in zip(*M[::-1])]
print(rotate90([[1, 2], [3, 4]]), rotate90(rotate90(spiral(3))))
game = [[0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
def life_step(g):
    R, C = len(g), len(g[0])
    def n(r, c):
        return sum(g[(r + dr) % R][(c + dc) % C] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
    return [[1 if (g[r][c] and n(r, c) in (2, 3)) or (not g[r][c] and n(r, c) == 3) else 0 for c in range(C)] for r in range(R)]
for _ in range(4):
    game = life_step(game)
print("\n".join("".join(".#"[v] for v in row) for row in game))
