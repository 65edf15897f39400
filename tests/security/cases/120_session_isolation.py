# Session A keeps a secret in a variable, in builtins, in sys.modules and in
# /tmp.  Session B and a fresh run in the same state directory see none of
# it, not even by walking the heap (gc.get_objects); A still has all of it
# (so the negative results are not vacuous).
# args: --session A
# expect: status=ok
# expect: stdout=stored\n
import builtins, sys
secret = "S3CR3T-" + "a1b2c3"
builtins.leaked = secret
sys.modules["leakmod"] = type(sys)("leakmod")
sys.modules["leakmod"].value = secret
with open("/tmp/secret.txt", "w") as f:
    f.write(secret)
print("stored")
# === session B
# args: --session B
# expect: status=ok
# expect: stdout=False False False [] False\n
import builtins, gc, os, sys
def heap_has(needle):
    # every str referenced from any container the collector knows about
    objs = gc.get_objects()
    return any(isinstance(o, str) and o is not needle and needle in o
               for o in gc.get_referents(*objs))
print("secret" in globals(), hasattr(builtins, "leaked"), "leakmod" in sys.modules,
      os.listdir("/tmp"), heap_has("S3CR3T-" + "a1b2"))
# === fresh run
# expect: status=ok
# expect: stdout=False False False [] False\n
import builtins, gc, os, sys
def heap_has(needle):
    # every str referenced from any container the collector knows about
    objs = gc.get_objects()
    return any(isinstance(o, str) and o is not needle and needle in o
               for o in gc.get_referents(*objs))
print("secret" in globals(), hasattr(builtins, "leaked"), "leakmod" in sys.modules,
      os.listdir("/tmp"), heap_has("S3CR3T-" + "a1b2"))
# === session A again
# args: --session A
# expect: status=ok
# expect: stdout=S3CR3T-a1b2c3 S3CR3T-a1b2c3 S3CR3T-a1b2c3 S3CR3T-a1b2c3\n
import builtins, sys
print(secret, builtins.leaked, sys.modules["leakmod"].value, open("/tmp/secret.txt").read())
# === session A: the heap walk does find the secret where it exists
# args: --session A
# expect: status=ok
# expect: stdout=True\n
import gc
def heap_has(needle):
    objs = gc.get_objects()
    return any(isinstance(o, str) and o is not needle and needle in o
               for o in gc.get_referents(*objs))
print(heap_has("S3CR3T-" + "a1b2"))
