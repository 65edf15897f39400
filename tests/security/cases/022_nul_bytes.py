# NUL bytes cut a path short in C: CPython refuses them before any syscall,
# for str and bytes paths alike.
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=embedded null byte
# expect: stdout=open ValueError embedded null byte\nos.open ValueError embedded null byte\nstat ValueError embedded null byte\nlistdir ValueError embedded null byte\nbytes ValueError embedded null byte\n
import os
tries = [("open", lambda: open("/tmp/x\0/../../etc/passwd")),
         ("os.open", lambda: os.open("/tmp/a\0b", os.O_RDONLY)),
         ("stat", lambda: os.stat("/etc/passwd\0")),
         ("listdir", lambda: os.listdir("/\0etc")),
         ("bytes", lambda: open(b"/tmp/\x00/etc/passwd", "rb"))]
for name, fn in tries:
    try:
        fn()
        print(name, "OPENED")
    except ValueError as e:
        print(name, type(e).__name__, e)
os.mkdir("/tmp/\0")
