# sys.modules emptied, or the traceback module poisoned, then an error.
# FIXED BUG (as 170): the traceback is lost; native python prints it.
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=cleared
# expect: error.traceback~=ValueError: cleared\n$
import sys
sys.modules.clear()
raise ValueError("cleared")
# === traceback module replaced by None
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=poisoned
# expect: error.traceback~=^Traceback \(most recent call last\):\n.*ValueError: poisoned\n$
import sys
sys.modules["traceback"] = None
raise ValueError("poisoned")
