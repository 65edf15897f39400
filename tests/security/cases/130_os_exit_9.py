# os._exit(9): the guest leaves through WASI proc_exit; the host reports
# the code and stays alive.
# expect: status=error
# expect: exit_code=9
# expect: error.type=SystemExit
# expect: error.message=9
# expect: stdout=bye\n
import os
print("bye", flush=True)
os._exit(9)
