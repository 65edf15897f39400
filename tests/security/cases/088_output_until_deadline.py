# Keep printing while the deadline passes: the output ends at the deadline
# (every line was written before 1 s) and what came before it is kept
# (about ten lines; fewer on a loaded machine, whose sleeps overshoot).
# args: --timeout 1
# expect: status=timeout
# expect: stdout_truncated=false
# check: all(float(t) < 1.0 for t in d["stdout"].split())
# check: 5 <= len(d["stdout"].split()) <= 11
# check: float(d["stdout"].split()[-1]) > 0.5
import time
t0 = time.monotonic()
while True:
    print("%.3f" % (time.monotonic() - t0), flush=True)
    time.sleep(0.1)
