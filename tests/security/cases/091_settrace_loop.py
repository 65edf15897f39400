# A trace function on every line of a busy loop: still stopped on time.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import sys
sys.settrace(lambda *a: None)
while True:
    pass
