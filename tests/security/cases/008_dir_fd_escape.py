# openat-style escapes: relative paths with .. against a /tmp or the root
# directory descriptor (fd 3, the preopen).
# expect: status=ok
# expect: stdout=tmp-fd ENOENT\npreopen-fd ENOENT\nstat ENOENT\n['python311.zip', 'tzdata.zip']\n
import errno, os
tmp = os.open("/tmp", os.O_RDONLY)
for name, fd, p in [("tmp-fd", tmp, "../etc/passwd"), ("preopen-fd", 3, "../../etc/passwd")]:
    try:
        os.open(p, os.O_RDONLY, dir_fd=fd)
        print(name, "OPENED")
    except OSError as e:
        print(name, errno.errorcode[e.errno])
try:
    os.stat("../../../etc/passwd", dir_fd=tmp)
    print("stat FOUND")
except OSError as e:
    print("stat", errno.errorcode[e.errno])
print(sorted(os.listdir("/tmp/../../../lib")))
