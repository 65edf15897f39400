# os.abort(): the guest dies, the host reports it.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message=unreachable executed
# expect: stdout=flushed\n
import os
print("flushed", flush=True)
os.abort()
