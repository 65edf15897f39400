# sys.excepthook and traceback.format_exception replaced: neither is used by
# the host, which formats with the real formatter taken at start-up.
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=v
# expect: error.traceback~=^Traceback \(most recent call last\):\n.*ValueError: v\n$
# expect: stdout=
import sys, traceback
sys.excepthook = lambda *a: print("hooked")
traceback.format_exception = lambda *a, **k: ["fake traceback\n"]
raise ValueError("v")
# === a formatter returning non-strings
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=v
# expect: error.traceback~=^Traceback \(most recent call last\):\n.*ValueError: v\n$
import traceback
traceback.format_exception = lambda *a, **k: [b"bytes", None, 3]
raise ValueError("v")
