# Probe host paths without opening them: stat, lstat, exists, access, isfile.
# expect: status=ok
# expect: stdout=/etc/passwd ENOENT ENOENT False False False\n/proc/self ENOENT ENOENT False False False\n/root ENOENT ENOENT False False False\n/work/main ENOENT ENOENT False False False\n/tmp/../etc ENOENT ENOENT False False False\n
import errno, os
for p in ["/etc/passwd", "/proc/self", "/root", "/work/main", "/tmp/../etc"]:
    res = [p]
    for fn in (os.stat, os.lstat):
        try:
            fn(p)
            res.append("FOUND")
        except OSError as e:
            res.append(errno.errorcode[e.errno])
    res += [os.path.exists(p), os.access(p, os.R_OK), os.path.isfile(p)]
    print(*res)
