# faulthandler's crash helper: a real invalid access inside the guest.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message=unreachable executed
import faulthandler
faulthandler._sigsegv()
