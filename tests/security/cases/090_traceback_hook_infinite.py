# traceback.format_exception replaced by an endless iterator: the host's
# error formatting holds the real formatter (taken at start-up), so user code
# cannot hijack it; the traceback is the real one, as native python prints.
# args: --timeout 1
# expect: status=error
# expect: error.type=ValueError
# expect: error.traceback~=^Traceback \(most recent call last\):\n.*ValueError: v\n$
# check: d["duration_ms"] < 900
import traceback
traceback.format_exception = lambda *a, **k: iter(int, 1)
raise ValueError("v")
