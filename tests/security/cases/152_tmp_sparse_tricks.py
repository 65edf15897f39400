# Sparse files and size games: seek to 2**40 and write, truncate to 2**40,
# ftruncate to the full quota then write elsewhere, pwrite near 2**63.
# expect: status=ok
# expect: stdout=seek+write ENOSPC\ntruncate ENOSPC\nafter ftruncate(64 MiB) ENOSPC\npwrite ENOSPC\nsizes 0 0 67108864\n
import errno, os
def attempt(label, fn):
    try:
        fn()
        print(label, "SUCCEEDED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
fd = os.open("/tmp/a", os.O_RDWR | os.O_CREAT)
def seek_write():
    os.lseek(fd, 2**40, 0)
    os.write(fd, b"x")
attempt("seek+write", seek_write)
attempt("truncate", lambda: os.truncate("/tmp/a", 2**40))
fb = os.open("/tmp/b", os.O_RDWR | os.O_CREAT)
os.ftruncate(fb, 64 * 2**20)
def other():
    with open("/tmp/c", "wb") as g:
        g.write(b"z")
attempt("after ftruncate(64 MiB)", other)
attempt("pwrite", lambda: os.pwrite(fd, b"x", 2**63 - 2))
print("sizes", os.stat("/tmp/a").st_size, os.stat("/tmp/c").st_size, os.stat("/tmp/b").st_size)
