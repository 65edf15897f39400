# io.open_code / FileIO / os.open: the low-level openers see the same VFS.
# expect: status=error
# expect: error.type=FileNotFoundError
# expect: error.message=[Errno 44] No such file or directory: '/etc/passwd'
# expect: stdout=FileIO FileNotFoundError\nos.open FileNotFoundError\n
import io, os
for name, fn in [("FileIO", lambda: io.FileIO("/etc/passwd")),
                 ("os.open", lambda: os.open("/etc/passwd", os.O_RDONLY))]:
    try:
        fn()
        print(name, "OPENED")
    except OSError as e:
        print(name, type(e).__name__)
io.open_code("/etc/passwd")
