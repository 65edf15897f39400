# sys.exit with codes outside 0..255: reported as given in --json (no
# wrap-around to 0 that would read as success).
# expect: status=error
# expect: exit_code=256
# expect: error.type=SystemExit
# expect: error.message=256
import sys
sys.exit(256)
# === os._exit(-1)
# expect: status=error
# expect: exit_code=-1
# expect: error.type=SystemExit
import os
os._exit(-1)
# === sys.exit(2**40): overflow reads as -1, like CPython
# expect: status=error
# expect: exit_code=-1
import sys
sys.exit(2**40)
# === sys.exit("message")
# expect: status=error
# expect: exit_code=1
# expect: error.type=SystemExit
# expect: error.message=fatal: message
# expect: stderr=fatal: message\n
import sys
sys.exit("fatal: message")
# === raise SystemExit(None) is success
# expect: status=ok
# expect: exit_code=0
raise SystemExit(None)
