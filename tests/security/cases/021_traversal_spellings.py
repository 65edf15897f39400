# Every spelling of a path to /etc/passwd: .., //, /./, trailing slash,
# backslashes, URLs, through the stdlib zip, 1000 levels of ../
# expect: status=ok
# expect: stdout=/tmp/../../etc/passwd ENOENT\n//etc/passwd ENOENT\n/./etc/passwd ENOENT\n/tmp/./../etc/passwd ENOENT\n///etc///passwd ENOENT\n/etc/passwd/ ENOENT\n\\etc\\passwd ENOENT\nfile:///etc/passwd ENOENT\n/lib/../etc/passwd ENOENT\n/lib/python311.zip/../../etc/passwd ENOTDIR\n/tmp/../.. ... 1000 ENOENT\n
import errno
paths = ["/tmp/../../etc/passwd", "//etc/passwd", "/./etc/passwd", "/tmp/./../etc/passwd",
         "///etc///passwd", "/etc/passwd/", "\\etc\\passwd", "file:///etc/passwd",
         "/lib/../etc/passwd", "/lib/python311.zip/../../etc/passwd",
         "/tmp/" + "../" * 1000 + "etc/passwd"]
for p in paths:
    label = p if len(p) < 100 else "/tmp/../.. ... 1000"
    try:
        open(p, "rb")
        print(label, "OPENED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
