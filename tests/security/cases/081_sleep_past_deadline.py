# time.sleep(100): the sleep is cut at the deadline.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import time
time.sleep(100)
