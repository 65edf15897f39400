# The cap is exact: 1 MiB of output is kept whole and not flagged; one more
# byte is cut and flagged.  A program printing the marker text itself does
# not set the flag.
# expect: status=ok
# expect: stdout_truncated=false
# check: d["stdout"] == "z" * 1048576
import sys
sys.stdout.write("z" * 1048576)
# === one byte over
# expect: status=ok
# expect: stdout_truncated=true
# check: d["stdout"] == "z" * 1048576 + "\n[output truncated]\n"
import sys
sys.stdout.write("z" * 1048577)
# === a forged marker
# expect: status=ok
# expect: stdout_truncated=false
# expect: stderr_truncated=false
# expect: stdout=short\n[output truncated]\n
print("short\n[output truncated]")
