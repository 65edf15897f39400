# One 50 MiB write: truncated to 1 MiB, the run itself succeeds.
# expect: status=ok
# expect: stdout_truncated=true
# check: d["stdout"] == "x" * 1048576 + "\n[output truncated]\n"
import os
os.write(1, b"x" * (50 * 2**20))
