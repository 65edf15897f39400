# Move things across the /tmp boundary or rename the mount points themselves.
# expect: status=ok
# expect: stdout=/tmp/a -> /lib/a EACCES\n/tmp/a -> /a EACCES\n/tmp/a -> /etc/a ENOENT\n/tmp/a -> /tmp/../a EACCES\n/lib/python311.zip -> /tmp/z EACCES\n/tmp -> /x EACCES\n/lib -> /tmp/lib EACCES\n/tmp -> /tmp/z EACCES\n/tmp/d -> /tmp/d/e/f EINVAL\n['a', 'd'] ['python311.zip', 'tzdata.zip'] ['lib', 'tmp']\n
import errno, os
open("/tmp/a", "w").close()
os.makedirs("/tmp/d/e")
for src, dst in [("/tmp/a", "/lib/a"), ("/tmp/a", "/a"), ("/tmp/a", "/etc/a"), ("/tmp/a", "/tmp/../a"),
                 ("/lib/python311.zip", "/tmp/z"), ("/tmp", "/x"), ("/lib", "/tmp/lib"),
                 ("/tmp", "/tmp/z"), ("/tmp/d", "/tmp/d/e/f")]:
    try:
        os.rename(src, dst)
        print(src, "->", dst, "RENAMED")
    except OSError as e:
        print(src, "->", dst, errno.errorcode[e.errno])
print(sorted(os.listdir("/tmp")), sorted(os.listdir("/lib")), sorted(os.listdir("/")))
