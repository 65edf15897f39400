# The host environment (PATH, HOME, a canary exported by the test driver)
# must not reach the guest in any form.
# expect: status=ok
# expect: stdout={} {} None None None\n[''] [] '' /lib\nFalse\n
import os, sys
print(dict(os.environ), dict(os.environb), os.getenv("PATH"), os.getenv("HOME"),
      os.getenv("PA_SECURITY_CANARY"))
print(sys.argv, sys.orig_argv, repr(sys.executable), sys.prefix)
print(any("pa-canary" in str(v) for v in vars(sys).values()))
