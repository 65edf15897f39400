# More than 1024 entries in /tmp: files, then directories, then a deep chain.
# expect: status=ok
# expect: stdout=files EDQUOT 1024\ndirs EDQUOT 1024\nchain EDQUOT 1024\n
import errno, os, shutil
def fill(label, make):
    n = 0
    try:
        while True:
            make(n)
            n += 1
    except OSError as e:
        print(label, errno.errorcode[e.errno], n)
def clear():
    for name in os.listdir("/tmp"):
        p = "/tmp/" + name
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
fill("files", lambda n: open("/tmp/f%d" % n, "w").close())
clear()
fill("dirs", lambda n: os.mkdir("/tmp/d%d" % n))
clear()
path = ["/tmp"]
def chain(n):
    path[0] += "/d"
    os.mkdir(path[0])
fill("chain", chain)
