def walk(n):
    return walk(n + 1) + 1
print("deep recursion ahead")
try:
    walk(0)
except RecursionError:
    print("first RecursionError caught")
def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)
print("depth 900 ok", count(900))
count(10000)
