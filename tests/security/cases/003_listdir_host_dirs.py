# os.listdir / os.scandir of host directories; the root holds only lib and tmp.
# expect: status=ok
# expect: stdout=['lib', 'tmp']\n/etc ENOENT ENOENT\n/proc ENOENT ENOENT\n/sys ENOENT ENOENT\n/dev ENOENT ENOENT\n/root ENOENT ENOENT\n/home ENOENT ENOENT\n/work ENOENT ENOENT\n/usr ENOENT ENOENT\n/bin ENOENT ENOENT\n/var ENOENT ENOENT\n/state ENOENT ENOENT\n
import errno, os
print(sorted(os.listdir("/")))
for p in ["/etc", "/proc", "/sys", "/dev", "/root", "/home", "/work", "/usr", "/bin", "/var", "/state"]:
    res = [p]
    for fn in (os.listdir, lambda q: list(os.scandir(q))):
        try:
            res.append(repr(fn(p)))
        except OSError as e:
            res.append(errno.errorcode[e.errno])
    print(*res)
