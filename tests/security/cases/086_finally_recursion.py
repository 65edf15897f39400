# A function that restarts itself from finally: blocks forever.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
def f():
    try:
        while True:
            pass
    finally:
        f()
f()
