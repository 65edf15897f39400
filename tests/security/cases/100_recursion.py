# Plain infinite recursion: RecursionError at the usual limit of 1000.
# expect: status=error
# expect: error.type=RecursionError
# expect: error.message=maximum recursion depth exceeded
# expect: error.traceback~=\[Previous line repeated 99[0-9] more times\]
def f():
    f()
f()
