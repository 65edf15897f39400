# A loop that catches BaseException around the busy loop: the deadline is
# not an exception the program can catch.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# expect: stdout=
# check: 900 <= d["duration_ms"] <= 1500
while True:
    try:
        while True:
            pass
    except BaseException as e:
        print("caught", type(e).__name__, flush=True)
