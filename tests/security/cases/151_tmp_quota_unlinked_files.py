# Unlinked but still open files keep counting against the quota (the
# 65th file, whose write failed, is still listed).
# expect: status=ok
# expect: stdout=ENOSPC 64 ['u64']\n
import errno, os
fs = []
try:
    for i in range(200):
        f = open("/tmp/u%d" % i, "wb")
        f.write(b"x" * 2**20)
        f.flush()
        os.unlink("/tmp/u%d" % i)
        fs.append(f)
    print("NO LIMIT", len(fs))
except OSError as e:
    print(errno.errorcode[e.errno], len(fs), os.listdir("/tmp"))
