# os.kill(1, SIGKILL) — kill the host's init — and os.kill of ourselves.
# expect: status=error
# expect: error.type=AttributeError
# expect: error.message=module 'os' has no attribute 'kill'
import os, signal
os.kill(1, signal.SIGKILL)
