# 10**10**8: one long computation inside C code (no bytecode boundary).
# args: --timeout 2
# expect: status=timeout
# expect: error.type=Timeout
# expect: error.message=execution exceeded the time limit of 2 s
# check: 1900 <= d["duration_ms"] <= 2600
x = 10**10**8
