# Loops of the most expensive host calls (200 MiB of randomness per call;
# 60 MiB pwrite/pread in /tmp): the deadline still holds, since an
# interrupt inside a host call is delivered when the call returns.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import os
while True:
    os.urandom(200 * 2**20)
# === pwrite/pread of 60 MiB
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import os
fd = os.open("/tmp/a", os.O_RDWR | os.O_CREAT)
b = b"x" * (60 * 2**20)
while True:
    os.pwrite(fd, b, 0)
    os.pread(fd, 60 * 2**20, 0)
