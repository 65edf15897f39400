# An unbounded recursion limit in 64 MiB: the frame stack runs out of
# memory first.  CPython 3.11 reports a failed frame allocation as
# "SystemError: error return without exception set" (native python3.11
# does the same under `ulimit -v`); the run ends as an error, the host is
# unharmed.
# args: --memory-mb 64 --timeout 10
# expect: status=ok
# expect: stdout~=^(SystemError|MemoryError)\nalive\n$
import sys
sys.setrecursionlimit(10**8)
def f(): f()
try:
    f()
except BaseException as e:
    print(type(e).__name__)
print("alive")
