# Tamper with the stdlib zip every way Python offers; it stays intact.
# expect: status=ok
# expect: stdout=wb EACCES\nab EACCES\nr+b EACCES\nxb EEXIST\nO_WRONLY EACCES\nO_RDWR|O_TRUNC EACCES\nwrite-on-ro-fd EBADF\nftruncate-on-ro-fd EBADF\ntruncate EACCES\nremove EACCES\nzipfile-append PermissionError\nunchanged True\n
import errno, os, zipfile
zp = "/lib/python311.zip"
before = (os.stat(zp).st_size, open(zp, "rb").read()[-4096:])
def attempt(label, fn):
    try:
        fn()
        print(label, "SUCCEEDED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
for mode in ["wb", "ab", "r+b", "xb"]:
    attempt(mode, lambda: open(zp, mode))
attempt("O_WRONLY", lambda: os.open(zp, os.O_WRONLY))
attempt("O_RDWR|O_TRUNC", lambda: os.open(zp, os.O_RDWR | os.O_TRUNC))
fd = os.open(zp, os.O_RDONLY)
attempt("write-on-ro-fd", lambda: os.write(fd, b"PK"))
attempt("ftruncate-on-ro-fd", lambda: os.ftruncate(fd, 0))
attempt("truncate", lambda: os.truncate(zp, 0))
attempt("remove", lambda: os.remove(zp))
try:
    zipfile.ZipFile(zp, "a").writestr("evil.py", "print('pwned')")
    print("zipfile-append SUCCEEDED")
except OSError as e:
    print("zipfile-append", type(e).__name__)
print("unchanged", (os.stat(zp).st_size, open(zp, "rb").read()[-4096:]) == before)
