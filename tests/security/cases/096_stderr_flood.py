# The same flood on stderr.
# args: --timeout 1
# expect: status=timeout
# expect: stdout_truncated=false
# expect: stderr_truncated=true
# expect: stdout=
# check: d["stderr"] == "".join("%d\n" % i for i in range(200000))[:1048576] + "\n[output truncated]\n"
import sys
sys.stderr.write("".join("%d\n" % i for i in range(200000)))  # the cap, at once (see 095)
for i in range(200000, 10**7):
    sys.stderr.write("%d\n" % i)
