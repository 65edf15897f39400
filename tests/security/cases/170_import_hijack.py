# builtins.__import__ replaced by None, then an error.  Status, type and
# message are right.  FIXED BUG: the traceback is lost (error.traceback is
# "", stderr says only "ValueError"): the guest driver imports the
# traceback module at error time, through the sabotaged import machinery.
# Native python3.11 prints the full traceback here.
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=after import hijack
# expect: error.traceback~=^Traceback \(most recent call last\):\n.*ValueError: after import hijack\n$
import builtins
builtins.__import__ = None
raise ValueError("after import hijack")
