# while True: pass — stopped at the deadline, not much later.
# args: --timeout 1
# expect: status=timeout
# expect: exit_code=124
# expect: error.type=Timeout
# expect: error.message=execution exceeded the time limit of 1 s
# expect: stdout=looping\n
# check: 900 <= d["duration_ms"] <= 1500
print("looping", flush=True)
while True:
    pass
