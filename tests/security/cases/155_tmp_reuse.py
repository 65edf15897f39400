# Space is given back: write 60 MiB, delete, five times over.
# args: --timeout 20
# expect: status=ok
# expect: stdout=ok []\n
import os
for r in range(5):
    with open("/tmp/a", "wb") as f:
        f.write(b"y" * (60 * 2**20))
    os.unlink("/tmp/a")
print("ok", os.listdir("/tmp"))
