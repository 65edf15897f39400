# SIGSEGV raised by the program, after installing faulthandler.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message=unreachable executed
import faulthandler, signal
faulthandler.enable()
signal.raise_signal(signal.SIGSEGV)
