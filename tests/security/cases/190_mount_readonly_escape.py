# A host directory shown with --mount: attack it from inside.  Only the
# plain files and directories are there (no symbolic links, no multiply
# linked files, no FIFO); nothing can be written, renamed, removed or
# created; .. does not leave it.
# args: --mount {MOUNT}:/data
# expect: status=ok
# expect: stdout=['data', 'lib', 'tmp'] ['a.txt', 'sub'] ['b.txt'] hello\n\nlink_passwd ENOENT\nlink_outside ENOENT\nhard1 ENOENT\nhard2 ENOENT\nfifo ENOENT\nsub/link_root ENOENT\nwrite a.txt EACCES\nappend a.txt EACCES\ncreate new EACCES\nO_CREAT new EACCES\nremove a.txt EACCES\nrmdir sub EACCES\nmkdir d EACCES\nrename out EACCES\nrename in EACCES\nsymlink ENOTSUP\nutime EACCES\nsqlite unable to open database file\n/data/../etc/passwd ENOENT\n/data/sub/../../.. ['data', 'lib', 'tmp']\nhello\n
import errno, os, sqlite3
print(sorted(os.listdir("/")), sorted(os.listdir("/data")), sorted(os.listdir("/data/sub")),
      open("/data/a.txt").read())
for name in ["link_passwd", "link_outside", "hard1", "hard2", "fifo", "sub/link_root"]:
    try:
        os.lstat("/data/" + name)
        print(name, "PRESENT")
    except OSError as e:
        print(name, errno.errorcode[e.errno])
open("/tmp/t", "w").close()
def attempt(label, fn):
    try:
        fn()
        print(label, "SUCCEEDED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
attempt("write a.txt", lambda: open("/data/a.txt", "w"))
attempt("append a.txt", lambda: open("/data/a.txt", "a"))
attempt("create new", lambda: open("/data/new", "w"))
attempt("O_CREAT new", lambda: os.open("/data/new", os.O_RDONLY | os.O_CREAT))
attempt("remove a.txt", lambda: os.remove("/data/a.txt"))
attempt("rmdir sub", lambda: os.rmdir("/data/sub"))
attempt("mkdir d", lambda: os.mkdir("/data/d"))
attempt("rename out", lambda: os.rename("/data/a.txt", "/tmp/a.txt"))
attempt("rename in", lambda: os.rename("/tmp/t", "/data/t"))
attempt("symlink", lambda: os.symlink("/data/a.txt", "/data/l"))
attempt("utime", lambda: os.utime("/data/a.txt", (0, 0)))
try:
    sqlite3.connect("/data/x.db").execute("create table t(x)")
    print("sqlite SUCCEEDED")
except sqlite3.Error as e:
    print("sqlite", e)
attempt("/data/../etc/passwd", lambda: open("/data/../etc/passwd"))
print("/data/sub/../../..", sorted(os.listdir("/data/sub/../../..")))
print(open("/data/a.txt").read(), end="")
