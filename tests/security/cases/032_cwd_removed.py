# Remove the current directory, then create files relative to it.
# expect: status=ok
# expect: stdout=/tmp/d\nENOENT\n[]\n
import errno, os
os.mkdir("/tmp/d")
os.chdir("/tmp/d")
os.rmdir("/tmp/d")
print(os.getcwd())
try:
    open("x", "w")
    print("CREATED")
except OSError as e:
    print(errno.errorcode[e.errno])
print(os.listdir("/tmp"))
