# Fill /tmp past its 64 MiB quota: ENOSPC after exactly 64 MiB.
# expect: status=error
# expect: error.type=OSError
# expect: error.message=[Errno 51] No space left on device
# expect: stdout=ENOSPC 64\n
import errno
f = open("/tmp/big", "wb")
n = 0
try:
    while True:
        f.write(b"x" * 2**20)
        f.flush()
        n += 1
except OSError as e:
    print(errno.errorcode[e.errno], n)
g = open("/tmp/more", "wb")
g.write(b"y")
g.flush()
