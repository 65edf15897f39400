# SIGTERM to ourselves, without a handler.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message=unreachable executed
import signal
signal.raise_signal(signal.SIGTERM)
print("still running")
