# Symbolic links would let a later open() leave the sandbox: not supported,
# neither absolute, relative nor inside /tmp.
# expect: status=ok
# expect: stdout=/etc/passwd ENOTSUP\n../etc/passwd ENOTSUP\n/lib/python311.zip ENOTSUP\n/tmp/target ENOTSUP\nreadlink EINVAL\nislink False\n[]\n
import errno, os
for target in ["/etc/passwd", "../etc/passwd", "/lib/python311.zip", "/tmp/target"]:
    try:
        os.symlink(target, "/tmp/link")
        print(target, "CREATED")
    except OSError as e:
        print(target, errno.errorcode[e.errno])
open("/tmp/f", "w").close()
try:
    print(os.readlink("/tmp/f"))
except OSError as e:
    print("readlink", errno.errorcode[e.errno])
print("islink", os.path.islink("/tmp/f"))
os.remove("/tmp/f")
print(os.listdir("/tmp"))
