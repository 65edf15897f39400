# A session fills its /tmp to the quota; a fresh run and another session
# start with an empty /tmp and the whole quota.
# args: --session full --timeout 20
# expect: status=ok
# expect: stdout=ENOSPC 64\n
import errno
f = open("/tmp/fill", "wb")
n = 0
try:
    while True:
        f.write(b"\xa5" * 2**20)
        f.flush()
        n += 1
except OSError as e:
    print(errno.errorcode[e.errno], n)
# === fresh run
# expect: status=ok
# expect: stdout=[] 60\n
import os
print(os.listdir("/tmp"), end=" ")
with open("/tmp/x", "wb") as f:
    for i in range(60):
        f.write(b"\0" * 2**20)
print(os.stat("/tmp/x").st_size // 2**20)
# === another session
# args: --session other
# expect: status=ok
# expect: stdout=[]\n
import os
print(os.listdir("/tmp"))
