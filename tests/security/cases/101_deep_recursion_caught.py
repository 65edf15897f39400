# sys.setrecursionlimit(10**6) and Python-to-Python recursion (no C stack
# in 3.11): a million frames, then RecursionError, caught.
# args: --timeout 10
# expect: status=ok
# expect: stdout=RecursionError 999999 maximum recursion depth exceeded\nalive\n
import sys
sys.setrecursionlimit(10**6)
n = 0
def f():
    global n
    n += 1
    f()
try:
    f()
except RecursionError as e:
    print(type(e).__name__, n, e)
print("alive")
