# sys.stdout / sys.stderr set to None, then to objects whose write and
# flush raise: the error is still recorded, nothing is printed.
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=v
# expect: stdout=
# expect: stderr=
import sys
class Broken:
    def write(self, s):
        raise RuntimeError("no write")
    def flush(self):
        raise RuntimeError("no flush")
sys.stdout = None
print("into the void")
sys.stdout = Broken()
sys.stderr = Broken()
raise ValueError("v")
