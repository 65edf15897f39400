# repr() recursing into itself with no limit.
# expect: status=killed
# expect: error.type=Trap
# expect: error.message~=^(out of bounds memory access|call stack exhausted)$
import sys
sys.setrecursionlimit(10**6)
class A:
    def __repr__(self):
        return repr(self)
repr(A())
