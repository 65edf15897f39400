# Catastrophic backtracking in the C regex engine.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import re
re.match("(a+)+$", "a" * 40 + "b")
