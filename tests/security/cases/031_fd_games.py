# File descriptor games: probe the fd table, use the preopen directory fd
# as a file, wrap fds as sockets, close everything, then open again.
# expect: status=ok
# expect: stdout=[0, 1, 2, 3]\nread fd3 EISDIR\nwrite fd3 EISDIR\nsocket fd0 ENOTSOCK\nsocket fd3 ENOTSOCK\ndup2 False\ndup ENOTSUP\n
# check: d["stderr"] == "open after closerange EBADF\n"
import errno, os, socket, sys
def alive(fd):
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False
print([fd for fd in range(64) if alive(fd)])
def attempt(label, fn):
    try:
        fn()
        print(label, "SUCCEEDED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
attempt("read fd3", lambda: os.read(3, 10))
attempt("write fd3", lambda: os.write(3, b"x"))
attempt("socket fd0", lambda: socket.socket(fileno=0))
attempt("socket fd3", lambda: socket.socket(fileno=3))
print("dup2", hasattr(os, "dup2"))
attempt("dup", lambda: os.dup(1))
sys.stdout.flush()
os.closerange(3, 256)
try:
    open("/tmp/x", "w")
    sys.stderr.write("open after closerange SUCCEEDED\n")
except OSError as e:
    sys.stderr.write("open after closerange %s\n" % errno.errorcode[e.errno])
