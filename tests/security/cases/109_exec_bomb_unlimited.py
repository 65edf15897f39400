# The exec bomb with the recursion limit lifted: C stack exhaustion, a trap.
# expect: status=killed
# expect: error.type=Trap
# expect: error.message~=^(out of bounds memory access|call stack exhausted)$
import sys
sys.setrecursionlimit(10**6)
s = "eval(compile(s, 'x', 'eval'))"
eval(s)
