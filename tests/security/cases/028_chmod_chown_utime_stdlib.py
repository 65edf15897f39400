# Change ownership, mode or times of the stdlib: chown does not exist,
# utime is refused, chmod is a no-op that leaves the zip read-only.
# expect: status=ok
# expect: stdout=chown False\nchmod done\nmode 0o100000 0o100000\nwrite after chmod EACCES\nutime EACCES\nlchmod False\n
import errno, os
zp = "/lib/python311.zip"
print("chown", hasattr(os, "chown"))
m0 = os.stat(zp).st_mode
os.chmod(zp, 0o777)
print("chmod done")
print("mode", oct(m0), oct(os.stat(zp).st_mode))
try:
    open(zp, "ab")
    print("write after chmod SUCCEEDED")
except OSError as e:
    print("write after chmod", errno.errorcode[e.errno])
try:
    os.utime(zp, (0, 0))
    print("utime SUCCEEDED")
except OSError as e:
    print("utime", errno.errorcode[e.errno])
print("lchmod", hasattr(os, "lchmod"))
