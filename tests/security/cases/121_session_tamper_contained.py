# A session sabotages its own interpreter: print, __import__, json and
# sys.stdout replaced.  Inside that session the damage persists (that is
# what a session is); another session and fresh runs are untouched.
# args: --session bad
# expect: status=ok
# expect: stdout=sabotaged\n
import builtins, sys
print("sabotaged", flush=True)
builtins.print = lambda *a, **k: None
sys.modules["json"] = None
real_import = builtins.__import__
def evil_import(name, *a, **k):
    if name == "os":
        raise ImportError("os is gone")
    return real_import(name, *a, **k)
builtins.__import__ = evil_import
# === the same session: the sabotage persists
# args: --session bad
# expect: status=error
# expect: error.type=ImportError
# expect: error.message=os is gone
# expect: stdout=
print("invisible")
import os
# === another session
# args: --session good
# expect: status=ok
# expect: stdout=visible {"a": 1} /\n
import json, os
print("visible", json.dumps({"a": 1}), os.getcwd())
# === a fresh run
# expect: status=ok
# expect: stdout=visible {"a": 1} /\n
import json, os
print("visible", json.dumps({"a": 1}), os.getcwd())
