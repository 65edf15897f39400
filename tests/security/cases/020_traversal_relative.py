# Climb out of /tmp with relative paths after chdir.
# expect: status=ok
# expect: stdout=/tmp\nENOENT\nENOENT\n['lib', 'tmp']\n/ ['lib', 'tmp']\n
import errno, os
os.chdir("/tmp")
print(os.getcwd())
for p in ["../../etc/passwd", "../" * 50 + "etc/passwd"]:
    try:
        open(p)
        print("OPENED", p)
    except OSError as e:
        print(errno.errorcode[e.errno])
print(sorted(os.listdir("../../..")))
os.chdir("../../../..")
# (getcwd() keeps the spelling: "/tmp/../../../..")
print(os.path.normpath(os.getcwd()), sorted(os.listdir(".")))
