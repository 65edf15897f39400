import sys

f = sys.flags
print("isolated", f.isolated, "no_site", f.no_site, "ignore_environment", f.ignore_environment, "no_user_site", f.no_user_site)
print("recursionlimit", sys.getrecursionlimit())
print("site imported", "site" in sys.modules)
print("main name", __name__, sys.modules["__main__"].__name__)
print("version_info", sys.version_info[:2], sys.implementation.name, sys.byteorder)
print("int max str digits", sys.get_int_max_str_digits())
print("float repr", sys.float_repr_style, sys.float_info.mant_dig)
print("argv is list", isinstance(sys.argv, list))
print("path entries are str", all(isinstance(p, str) for p in sys.path))
sys.setrecursionlimit(2000)
print("recursionlimit now", sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print("depth 1500", depth(1500))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
print("exc_info outside", sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    print("exc_info inside", sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
print("intern", sys.intern("abc") is sys.intern("ab" + "c"))
