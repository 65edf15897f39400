# 50 000 frames deep, uncaught: the full traceback is formatted (with the
# repeats folded) and reported.
# args: --timeout 10
# expect: status=error
# expect: error.type=RecursionError
# expect: error.traceback=Traceback (most recent call last):\n  File "{FILE}", line 10, in <module>\n    f()\n  File "{FILE}", line 9, in f\n    def f(): f()\n             ^^^\n  File "{FILE}", line 9, in f\n    def f(): f()\n             ^^^\n  File "{FILE}", line 9, in f\n    def f(): f()\n             ^^^\n  [Previous line repeated 49996 more times]\nRecursionError: maximum recursion depth exceeded\n
import sys
sys.setrecursionlimit(5 * 10**4)
def f(): f()
f()
