# FIXED BUG: stdout and stderr are capped at 1 MiB, but error.message and
# error.traceback are not: a 4 MiB message comes back in full, twice (15
# MiB of \x01 make a 195 MB JSON result and ~450 MB of host RSS).
# Expected: the error strings capped like the streams.
# expect: status=error
# expect: error.type=ValueError
# expect: stderr_truncated=true
# check: len(d["error"]["message"]) <= 1048576 + 64
# check: len(d["error"]["traceback"]) <= 1048576 + 64
# check: d["error"]["message"].startswith("x" * 1000)
raise ValueError("x" * (4 * 2**20))
