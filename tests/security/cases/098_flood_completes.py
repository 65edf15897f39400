# A flood that finishes before its deadline: status ok, truncated, and the
# output written after the cap is dropped (not the beginning).
# args: --timeout 20
# expect: status=ok
# expect: stdout_truncated=true
# check: d["stdout"].startswith("0\n1\n2\n") and d["stdout"].endswith("\n[output truncated]\n")
# check: len(d["stdout"]) == 1048576 + len("\n[output truncated]\n")
import sys
w = sys.stdout.write
for i in range(10**6):
    w("%d\n" % i)
