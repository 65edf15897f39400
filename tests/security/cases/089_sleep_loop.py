# Many short sleeps (each below the deadline) add up past it.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import time
while True:
    time.sleep(0.01)
