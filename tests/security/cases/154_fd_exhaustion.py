# Open descriptors until the table is full, on /tmp and on the stdlib.
# expect: status=ok
# expect: stdout=tmp EMFILE 252\nlib EMFILE 252\ncreate+unlink EMFILE 252\n
import errno, os
for label, p, flags in [("tmp", "/tmp/x", os.O_RDONLY | os.O_CREAT),
                        ("lib", "/lib/python311.zip", os.O_RDONLY)]:
    fds = []
    try:
        while True:
            fds.append(os.open(p, flags))
    except OSError as e:
        print(label, errno.errorcode[e.errno], len(fds))
    for fd in fds:
        os.close(fd)
n = 0
try:
    while True:
        os.open("/tmp/f%d" % n, os.O_CREAT | os.O_RDWR)
        os.unlink("/tmp/f%d" % n)
        n += 1
except OSError as e:
    print("create+unlink", errno.errorcode[e.errno], n)
