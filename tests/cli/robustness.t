#!/usr/bin/env bash
# Host robustness: things a hostile or careless program (or reader) does that
# must never take the host down or leave a run hanging.
. "$(dirname "$0")/lib.sh"

# A reader that stops reading (| head) must not kill polyagent with SIGPIPE.
set +o pipefail 2>/dev/null
out=$("$POLYAGENT" run -c 'for i in range(200000): print(i)' 2>/dev/null | head -n 1; echo "rc=${PIPESTATUS[0]}")
is "$out" $'0\nrc=0' "stdout closed early: run completes with exit 0, not SIGPIPE"

# Replacing builtins.compile must not corrupt the interpreter's own exec path.
pa run -c 'import builtins
builtins.compile = lambda *a, **k: 42
exec("print(\"exec of user code still compiles with the fake\")") if False else print("replaced")'
is "$RC" 0 "replacing builtins.compile: exit 0"
out_is $'replaced\n' "replacing builtins.compile: output"

# C-level recursion through __repr__ with a host call (print) at every level
# and the recursion limit lifted: native stack exhaustion, reported as a trap.
pj -c 'import sys
sys.setrecursionlimit(10**8)
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def __repr__(self):
        print(".", end="", flush=True)
        return "(" + repr(self.nxt) + ")"
n = None
for _ in range(2_000_000): n = Node(n)
repr(n)'
is "$RC" 0 "native stack exhaustion through host calls: result printed"
jis status killed "native stack exhaustion: status killed"
jis error.type Trap "native stack exhaustion: error type Trap"
one_of "$(jget error.message)" "native stack exhaustion: trap kind" "call stack exhausted" "out of bounds memory access"

# An exception message with a NUL byte survives intact into the JSON result.
pj -c 'raise ValueError("a\x00b")'
jcheck 'd["error"]["message"] == "a\x00b" and d["error"]["type"] == "ValueError"' "NUL inside an error message is kept"
jcheck '"ValueError: a\x00b" in d["error"]["traceback"]' "NUL inside the traceback is kept"

pa run -c 'print("still alive")'
out_is $'still alive\n' "a later run works"

done_testing
