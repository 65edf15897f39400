# 10**7 lines on stdout: the capture keeps exactly the first 1 MiB, marks
# the cut and the program runs on until its deadline.
# args: --timeout 1
# expect: status=timeout
# expect: stdout_truncated=true
# expect: stderr_truncated=false
# check: d["stdout"] == "".join("%d\n" % i for i in range(200000))[:1048576] + "\n[output truncated]\n"
# The first 200 000 lines go out in one write, so the cap is reached well
# within the deadline however loaded the machine; then it floods on.
import sys
sys.stdout.write("".join("%d\n" % i for i in range(200000)))
for i in range(200000, 10**7):
    print(i)
