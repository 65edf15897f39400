# 10**7 lines on stdout: the capture keeps exactly the first 1 MiB, marks
# the cut and the program runs on until its deadline.
# args: --timeout 1
# expect: status=timeout
# expect: stdout_truncated=true
# expect: stderr_truncated=false
# check: d["stdout"] == "".join("%d\n" % i for i in range(200000))[:1048576] + "\n[output truncated]\n"
for i in range(10**7):
    print(i)
