# str, repr, len, print removed from builtins before an error.
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=v
import builtins
builtins.str = builtins.repr = builtins.len = None
del builtins.print
raise ValueError("v")
