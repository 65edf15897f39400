# C-level recursion (__getattr__ through getattr) with the recursion limit
# lifted: the guest's stack overflows, which is a trap, not a host crash.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message~=^(out of bounds memory access|call stack exhausted)$
import sys
sys.setrecursionlimit(10**6)
class A:
    def __getattr__(self, name):
        return getattr(self, name)
A().x
