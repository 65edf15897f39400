# signal.raise_signal(SIGKILL): a fatal signal aborts the guest (a trap),
# never the host process.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message=unreachable executed
# expect: stdout=before\n
import signal
print("before", flush=True)
signal.raise_signal(signal.SIGKILL)
print("after")
