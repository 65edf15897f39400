# A program that executes itself, recursively: exec(s) inside s.
# expect: status=error
# expect: error.type=RecursionError
# expect: error.message=maximum recursion depth exceeded during compilation
s = "exec(s)"
exec(s)
