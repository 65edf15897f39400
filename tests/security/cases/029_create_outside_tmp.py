# Create or delete anything outside /tmp: new top-level entries, files in
# /lib, removing /lib or /tmp themselves.
# expect: status=ok
# expect: stdout=mkdir /etc EACCES\nmkdir /lib/x EACCES\nopen /evil EACCES\nopen /lib/evil.py EACCES\nopen /lib/python311.zip/evil.py ENOTDIR\nrmdir /lib EACCES\nrmdir /tmp EACCES\nunlink /tmp EISDIR\nremove /lib/tzdata.zip EACCES\n['lib', 'tmp'] ['python311.zip', 'tzdata.zip']\n
import errno, os
tries = [("mkdir /etc", lambda: os.mkdir("/etc")),
         ("mkdir /lib/x", lambda: os.mkdir("/lib/x")),
         ("open /evil", lambda: open("/evil", "w")),
         ("open /lib/evil.py", lambda: open("/lib/evil.py", "w")),
         ("open /lib/python311.zip/evil.py", lambda: open("/lib/python311.zip/evil.py", "w")),
         ("rmdir /lib", lambda: os.rmdir("/lib")),
         ("rmdir /tmp", lambda: os.rmdir("/tmp")),
         ("unlink /tmp", lambda: os.unlink("/tmp")),
         ("remove /lib/tzdata.zip", lambda: os.remove("/lib/tzdata.zip"))]
for label, fn in tries:
    try:
        fn()
        print(label, "SUCCEEDED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
print(sorted(os.listdir("/")), sorted(os.listdir("/lib")))
