# Sleeping in select() with a 100 s timeout (poll_oneoff in the host).
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
import select
select.select([], [], [], 100)
