#!/usr/bin/env bash
# --json: the result object, every field and its type, for each status.
. "$(dirname "$0")/lib.sh"

MARK=$'\n[output truncated]\n'

# --- ok -------------------------------------------------------------------------
pj -c 'print("hi")'
json_valid "ok run: exactly one valid result object, process exit 0"
jis status ok "ok run: status"
jis exit_code 0 "ok run: exit_code"
jis stdout $'hi\n' "ok run: stdout"
jis stderr "" "ok run: stderr"
jis stdout_truncated false "ok run: stdout_truncated"
jis stderr_truncated false "ok run: stderr_truncated"
jis error null "ok run: error is null"
jcheck 'type(d["duration_ms"]) in (int, float) and 0 <= d["duration_ms"] < 30000' "ok run: duration_ms is a number in [0, 30000)"
jcheck 'type(d["exit_code"]) is int and type(d["stdout_truncated"]) is bool' "ok run: JSON types (int, bool)"

printf 'import sys\nprint("from file")\nsys.stderr.write("warn\\n")\n' >"$T_TMP/prog.py"
pj "$T_TMP/prog.py"
json_valid "FILE: valid result"
jis status ok "FILE: status ok"
jis stdout $'from file\n' "FILE: stdout"
jis stderr $'warn\n' "FILE: stderr captured in the stderr field"

pj --stdin 'abc' -c 'import sys; print(sys.stdin.read()[::-1])'
jis stdout $'cba\n' "--json with --stdin"

# --- error: uncaught exception ------------------------------------------------------
pj -c 'print("before")
def div(a, b):
    return a / b
div(1, 0)'
json_valid "ZeroDivisionError: valid result, process exit 0"
jis status error "ZeroDivisionError: status"
jis exit_code 1 "ZeroDivisionError: exit_code"
jis stdout $'before\n' "ZeroDivisionError: stdout before the exception kept"
jis error.type ZeroDivisionError "ZeroDivisionError: error.type"
jis error.message "division by zero" "ZeroDivisionError: error.message = str(exc)"
jlike error.traceback '^Traceback \(most recent call last\):' "ZeroDivisionError: traceback starts like a Python traceback"
jlike error.traceback 'in div' "ZeroDivisionError: traceback names the failing function"
jlike error.traceback 'ZeroDivisionError: division by zero[[:space:]]*$' "ZeroDivisionError: traceback ends with the exception line"
jis stdout_truncated false "ZeroDivisionError: stdout_truncated"

pj -c 'd = {}; d["missing"]'
jis status error "KeyError: status"
jis error.type KeyError "KeyError: error.type"
jis error.message "'missing'" "KeyError: error.message is str(exc) (quoted key)"

pj -c 'raise ValueError("multi\nline ☃")'
jis error.type ValueError "ValueError: error.type"
jis error.message $'multi\nline ☃' "ValueError: message with newline and non-ASCII"

pj -c 'class AppError(Exception):
    pass
raise AppError("custom failure")'
jis status error "custom exception: status"
jlike error.type '^(__main__\.)?AppError$' "custom exception: error.type names the class"
jis error.message "custom failure" "custom exception: error.message"

pj -c 'try:
    1/0
except ZeroDivisionError as e:
    raise RuntimeError("wrapped") from e'
jis error.type RuntimeError "chained exception: error.type is the outer exception"
jlike error.traceback 'direct cause' "chained exception: traceback shows the cause"

# --- error: SyntaxError ----------------------------------------------------------------
pj -c 'def f(:'
json_valid "SyntaxError: valid result"
jis status error "SyntaxError: status"
jis exit_code 1 "SyntaxError: exit_code"
jis error.type SyntaxError "SyntaxError: error.type"
jlike error.message '^invalid syntax' "SyntaxError: error.message"
jlike error.traceback 'SyntaxError: invalid syntax[[:space:]]*$' "SyntaxError: traceback ends with the SyntaxError line"
jis stdout "" "SyntaxError: no stdout"

pj -c 'x = 1
  y = 2'
jis error.type IndentationError "IndentationError: error.type"

# --- SystemExit ------------------------------------------------------------------------
pj -c 'import sys; print("bye"); sys.exit(3)'
json_valid "sys.exit(3): valid result"
jis status error "sys.exit(3): status error"
jis exit_code 3 "sys.exit(3): exit_code 3"
jis error.type SystemExit "sys.exit(3): error.type"
jis stdout $'bye\n' "sys.exit(3): stdout kept"

pj -c 'import sys; sys.exit(0)'
jis status ok "sys.exit(0): status ok"
jis exit_code 0 "sys.exit(0): exit_code 0"
jis error null "sys.exit(0): error null"

pj -c 'import sys; sys.exit()'
jis status ok "sys.exit(): status ok"

pj -c 'import sys; sys.exit("fatal message")'
jis status error "sys.exit(str): status error"
jis exit_code 1 "sys.exit(str): exit_code 1"
jis error.type SystemExit "sys.exit(str): error.type"
jlike stderr 'fatal message' "sys.exit(str): message on stderr"

# --- sandbox failures ----------------------------------------------------------------------
pj --timeout 1 -c 'print("started", flush=True)
while True:
    pass'
json_valid "timeout: valid result, process exit 0"
jis status timeout "timeout: status"
jis exit_code 124 "timeout: exit_code"
jis error.type Timeout "timeout: error.type"
jlike error.message '.' "timeout: error.message is not empty"
jis stdout $'started\n' "timeout: output written before the timeout is kept"
jcheck '900 <= d["duration_ms"] <= 3000' "timeout: duration_ms between 900 and 3000"

pj --memory-mb 64 -c 'x = bytearray(200 * 1024 * 1024)'
json_valid "memory cap: valid result"
jis status memory_limit "memory cap: status"
jis exit_code 125 "memory cap: exit_code"
jis error.type MemoryError "memory cap: error.type"

pj -c 'raise MemoryError("simulated")'
jis status memory_limit "uncaught MemoryError: status memory_limit"
jis exit_code 125 "uncaught MemoryError: exit_code"
jis error.type MemoryError "uncaught MemoryError: error.type"

pj -c 'import os; print("pre", flush=True); os.abort()'
json_valid "trap: valid result"
jis status killed "trap: status"
jis exit_code 126 "trap: exit_code"
jis error.type Trap "trap: error.type"
jlike error.message 'unreachable' "trap: message names the trap"
jis stdout $'pre\n' "trap: output before the trap kept"

# --- output encoding ------------------------------------------------------------------------
pj -c 'print("héllo ☃ 😀 中文")'
json_valid "unicode: valid JSON (strict UTF-8)"
jis stdout $'héllo ☃ 😀 中文\n' "unicode: stdout exact"

pj -c 'import sys; sys.stdout.buffer.write(b"ok\xff\xfe\x80ok\n"); sys.stderr.buffer.write(b"e\xc3(e\n")'
json_valid "invalid UTF-8 output: still valid JSON"
jis status ok "invalid UTF-8 output: status ok"
jcheck 'd["stdout"].startswith("ok") and d["stdout"].endswith("ok\n") and len(d["stdout"]) > 5' "invalid UTF-8 stdout: valid parts kept, bad bytes represented"
jcheck 'd["stderr"].startswith("e") and d["stderr"].endswith("e\n") and len(d["stderr"]) > 3' "invalid UTF-8 stderr: valid parts kept"

pj -c 'print("a\x00b\x1b[0m\t\"q\"\\\r")'
json_valid "control characters: valid JSON"
jcheck 'd["stdout"] == "a\x00b\x1b[0m\t\"q\"\\\r\n"' "control characters, NUL, quotes, backslash survive exactly"

pj -c 'import sys; sys.stdout.buffer.write("split ☃".encode()[:-1]); sys.stdout.buffer.flush(); sys.stdout.buffer.write("☃".encode()[-1:] + b"\n")'
jis stdout $'split ☃\n' "a UTF-8 character split across two writes is reassembled"

# --- output cap ---------------------------------------------------------------------------------
pj -c 'import sys; sys.stdout.write("x" * (3 * 1024 * 1024)); print("tail")'
json_valid "stdout flood: valid result"
jis status ok "stdout flood: status unaffected"
jis stdout_truncated true "stdout flood: stdout_truncated"
jis stderr_truncated false "stdout flood: stderr_truncated false"
jcheck 'd["stdout"] == "x" * 1048576 + "\n[output truncated]\n"' "stdout flood: exactly 1 MiB then the marker"

pj -c 'import sys; sys.stderr.write("e" * (2 * 1024 * 1024)); print("out ok")'
jis status ok "stderr flood: status ok"
jis stderr_truncated true "stderr flood: stderr_truncated"
jis stdout_truncated false "stderr flood: stdout not truncated"
jis stdout $'out ok\n' "stderr flood: stdout intact"
jcheck 'd["stderr"] == "e" * 1048576 + "\n[output truncated]\n"' "stderr flood: exactly 1 MiB then the marker"

pj -c 'import sys; sys.stdout.write("y" * 1048576)'
jis stdout_truncated false "exactly 1 MiB is not truncated"
jcheck 'd["stdout"] == "y" * 1048576' "exactly 1 MiB kept whole"

done_testing
