#!/usr/bin/env bash
# Hostile or broken programs: each gets the documented outcome, and a trivial
# run afterwards still works.
. "$(dirname "$0")/lib.sh"

# Exception types accepted where the contract only says "fails".
DENIED_PROC="OSError PermissionError NotImplementedError AttributeError ImportError ModuleNotFoundError"
# ConnectionRefusedError is deliberately absent: it would mean the host's real
# network stack was reached.
DENIED_NET="$DENIED_PROC gaierror socket.gaierror"

# --- syntax error ---------------------------------------------------------------
pj -c 'for i in range(3) print(i)'
jis status error "syntax error: status"
jis exit_code 1 "syntax error: exit_code"
jis error.type SyntaxError "syntax error: error.type"
pa run -c 'for i in range(3) print(i)'
is "$RC" 1 "syntax error (plain): exit 1"
like "$(last_err_line)" '^SyntaxError: ' "syntax error (plain): SyntaxError line on stderr"
followup "syntax error: follow-up run works"

# --- uncaught exception -----------------------------------------------------------
pj -c 'import json; json.loads("{broken")'
jis status error "uncaught exception: status"
jis exit_code 1 "uncaught exception: exit_code"
jis error.type JSONDecodeError "uncaught exception: error.type"
jlike error.message '^Expecting property name enclosed in double quotes' "uncaught exception: error.message"
followup "uncaught exception: follow-up run works"

# --- sys.exit(3) -------------------------------------------------------------------
pj -c 'import sys; sys.exit(3)'
jis status error "sys.exit(3): status"
jis exit_code 3 "sys.exit(3): exit_code"
jis error.type SystemExit "sys.exit(3): error.type"
followup "sys.exit(3): follow-up run works"

# --- host files are invisible ----------------------------------------------------------
pj -c 'open("/etc/passwd").read()'
jis status error "open('/etc/passwd'): status"
jis exit_code 1 "open('/etc/passwd'): exit_code"
jis error.type FileNotFoundError "open('/etc/passwd'): FileNotFoundError"
unlike "$(jget stdout)" 'root:' "open('/etc/passwd'): no passwd content leaked"
pj -c 'import os
print([os.path.exists(p) for p in ("/etc", "/root", "/proc", "/home", "/usr/bin", "/dev/sda")])'
jis status ok "host paths probe: status ok"
jis stdout $'[False, False, False, False, False, False]\n' "host paths (/etc, /root, /proc, /home, /usr/bin) do not exist in the guest"
followup "open('/etc/passwd'): follow-up run works"

# --- network ---------------------------------------------------------------------------
pj --timeout 10 -c 'import socket
s = socket.create_connection(("127.0.0.1", 80), timeout=3)
print("connected")'
jis status error "socket connect: status error"
jis exit_code 1 "socket connect: exit_code 1"
one_of "$(jget error.type)" "socket connect: error type is an import or OSError-family failure" $DENIED_NET
unlike "$(jget stdout)" 'connected' "socket connect: no connection made"
followup "socket: follow-up run works"

# --- processes ---------------------------------------------------------------------------
pj -c 'import os; print(os.system("ls"))'
jis status error "os.system: status error"
jis exit_code 1 "os.system: exit_code 1"
one_of "$(jget error.type)" "os.system: error type is one of the denied set" $DENIED_PROC
jis stdout "" "os.system: nothing ran"

pj -c 'import subprocess; print(subprocess.run(["ls"], capture_output=True))'
jis status error "subprocess.run: status error"
jis exit_code 1 "subprocess.run: exit_code 1"
one_of "$(jget error.type)" "subprocess.run: error type is one of the denied set" $DENIED_PROC
jis stdout "" "subprocess.run: nothing ran"
followup "processes: follow-up run works"

# --- writing outside /tmp ------------------------------------------------------------------
probe=pa_cli_probe_$$_$RANDOM
rm -f "/$probe.txt"
pj -c "open('/$probe.txt', 'w').write('x')"
jis status error "write /$probe.txt: status"
jis exit_code 1 "write to /: exit_code"
jis error.type PermissionError "write to /: PermissionError"
ok "write to /: nothing appeared on the host" test ! -e "/$probe.txt"
rm -f "/$probe.txt"

pj -c "open('/lib/$probe', 'w').write('x')"
jis status error "write /lib/x: status"
jis error.type PermissionError "write /lib/x: PermissionError"
ok "write /lib/x: nothing appeared on the host" test ! -e "/lib/$probe"
rm -f "/lib/$probe"

pj -c "import os
with open('/tmp/$probe', 'w') as f:
    f.write('private')
print(open('/tmp/$probe').read(), os.path.getsize('/tmp/$probe'))"
jis status ok "write /tmp: allowed"
jis stdout $'private 7\n' "write /tmp: read back"
ok "write /tmp: the guest's /tmp is private (nothing on the host's /tmp)" test ! -e "/tmp/$probe"
pj -c "import os; print(os.path.exists('/tmp/$probe'))"
jis stdout $'False\n' "write /tmp: a later run does not see the file"
rm -f "/tmp/$probe"
followup "writes: follow-up run works"

# --- infinite loop with --timeout 1 ------------------------------------------------------------
pj --timeout 1 -c 'while True: pass'
jis status timeout "infinite loop: status timeout"
jis exit_code 124 "infinite loop: exit_code 124"
jis error.type Timeout "infinite loop: error.type"
between "$WALL" 0.9 3 "infinite loop: wall time 0.9-3 s"
pa run --timeout 1 -c 'while True: pass'
is "$RC" 124 "infinite loop (plain): exit 124"
is "$(err_lines)" 1 "infinite loop (plain): exactly one stderr line"
like "$ERR" '^polyagent: ' "infinite loop (plain): polyagent: message"
between "$WALL" 0.9 3 "infinite loop (plain): wall time 0.9-3 s"
followup "infinite loop: follow-up run works"

# --- memory bomb with --memory-mb 64 ----------------------------------------------------------------
pj --memory-mb 64 -c 'x = bytearray(200 * 1024 * 1024)'
jis status memory_limit "memory bomb: status memory_limit"
jis exit_code 125 "memory bomb: exit_code 125"
jis error.type MemoryError "memory bomb: error.type"
pj --memory-mb 64 -c 'chunks = []
while True:
    chunks.append(bytearray(1024 * 1024))'
jis status memory_limit "gradual memory growth: status memory_limit"
jis exit_code 125 "gradual memory growth: exit_code 125"
pa run --memory-mb 64 -c 'x = bytearray(200 * 1024 * 1024)'
is "$RC" 125 "memory bomb (plain): exit 125"
like "$(last_err_line)" '^polyagent: ' "memory bomb (plain): polyagent: message"
followup "memory bomb: follow-up run works"

# --- deep recursion ------------------------------------------------------------------------------
pj -c 'def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
f(10000)'
jis status error "10 000-deep recursion: status error (not a crash)"
jis exit_code 1 "10 000-deep recursion: exit_code 1"
jis error.type RecursionError "10 000-deep recursion: RecursionError"
jlike error.message '^maximum recursion depth exceeded' "10 000-deep recursion: message"
pj -c 'import json; json.loads("[" * 100000 + "]" * 100000)'
jis error.type RecursionError "deeply nested JSON: RecursionError, not a crash"
pj -c 'import sys
sys.setrecursionlimit(100000)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
print(f(50000))'
one_of "$(jget status)" "raised recursion limit: finishes, errors or traps cleanly" ok error killed
followup "recursion: follow-up run works"

# --- os.abort(): a wasm trap ------------------------------------------------------------------------
pj -c 'import os; os.abort()'
jis status killed "os.abort: status killed"
jis exit_code 126 "os.abort: exit_code 126"
jis error.type Trap "os.abort: error.type Trap"
jlike error.message 'unreachable' "os.abort: message names the trap"
pa run -c 'import os; os.abort()'
is "$RC" 126 "os.abort (plain): exit 126"
like "$(last_err_line)" '^polyagent: ' "os.abort (plain): polyagent: message"
followup "os.abort: follow-up run works"

# --- time.sleep(10) with --timeout 1 ------------------------------------------------------------------
pj --timeout 1 -c 'import time; time.sleep(10)'
jis status timeout "sleep(10): status timeout"
jis exit_code 124 "sleep(10): exit_code 124"
between "$WALL" 0.9 3 "sleep(10): wall time 0.9-3 s"
followup "sleep: follow-up run works"

# --- a long computation inside C code ------------------------------------------------------------------
pj --timeout 1 -c 'x = 10**10**8'
jis status timeout "10**10**8: status timeout"
jis exit_code 124 "10**10**8: exit_code 124"
between "$WALL" 0.9 3 "10**10**8: wall time 0.9-3 s"
pj --timeout 1 -c 'import re; re.match(r"(a+)+$", "a" * 64 + "b")'
jis status timeout "catastrophic regex: status timeout"
between "$WALL" 0.9 3 "catastrophic regex: wall time 0.9-3 s"
followup "long computation: follow-up run works"

# --- output flood -------------------------------------------------------------------------------------------
pa run -c 'import sys
for _ in range(3):
    sys.stdout.write("z" * (1024 * 1024))'
is "$RC" 0 "3 MB flood (plain): exit 0"
"$PY3" -c 'import sys; open(sys.argv[1], "wb").write(b"z" * 1048576 + b"\n[output truncated]\n")' "$T_TMP/flood.expected"
ok "3 MB flood (plain): stdout is exactly 1 MiB plus the marker" cmp -s "$T_OUT" "$T_TMP/flood.expected"
is "$(wc -c <"$T_OUT" | tr -d ' ')" $((1048576 + 20)) "3 MB flood (plain): byte count"
pj -c 'for i in range(300000): print("line %06d" % i)'
jis status ok "line flood: status ok"
jis stdout_truncated true "line flood: stdout_truncated"
jcheck 'len(d["stdout"]) == 1048576 + 20 and d["stdout"].startswith("line 000000\n") and d["stdout"].endswith("\n[output truncated]\n")' "line flood: 1 MiB prefix plus marker"
followup "output flood: follow-up run works"

done_testing
