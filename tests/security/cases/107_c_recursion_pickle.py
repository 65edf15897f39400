# pickle.dumps of a million nested lists (C recursion in _pickle).
# expect: status=killed
# expect: error.type=Trap
# expect: error.message~=^(out of bounds memory access|call stack exhausted)$
import pickle, sys
sys.setrecursionlimit(10**6)
l = []
for i in range(10**6):
    l = [l]
pickle.dumps(l)
