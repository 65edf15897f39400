#!/usr/bin/env bash
# run --session: an interpreter that lives on across CLI invocations.
# Persistence, isolation, exceptions vs. killed calls (rollback), corrupt
# files, randomness, ids, kill -9 durability, large state, stdin.
. "$(dirname "$0")/lib.sh"

# Every state directory used here lives under $T_TMP (removed at exit), so
# this file can run in parallel with anything; fresh runs use it too.
SD=$(mktemp -d "$T_TMP/state.XXXXXX")
export POLYAGENT_STATE_DIR=$SD
SS=$SD/sessions
BG_PID=
trap '[ -n "$BG_PID" ] && kill -9 "$BG_PID" 2>/dev/null; rm -rf "$T_TMP"' EXIT

# ---- helpers ---------------------------------------------------------------------
# sp ID ARGS...   plain-mode run in session ID of $SD (RC, OUT, ERR as for pa)
# sj ID ARGS...   the same with --json; fields as for pj (jis/jlike/jcheck) plus
#                 session_id, session.origin, session.rolled_back,
#                 session.saved, session.calls, session.save_error.  The base
#                 result is validated by lib.sh's parser; the session part here.
# jsess "ORIGIN ROLLED_BACK SAVED CALLS" NAME   the session object in one line
# Every sj call must exit 0 with an empty stderr, and no call may print a
# sanitizer report: offenders are collected in BAD and checked at the end.
BAD=()
sp() {
    local id=$1; shift
    pa run --state-dir "$SD" --session "$id" "$@"
    [[ $ERR =~ Sanitizer|runtime\ error: ]] && BAD+=("sp $id: stderr $(_show "$ERR")")
    return 0
}

cat >"$T_TMP/sjparse.py" <<'PY'
import json, sys
raw_path, outdir, jparse, want_id = sys.argv[1:5]
problems = []
text = open(raw_path, "rb").read().decode("utf-8", "replace")
base = text
try:
    obj = json.loads(text)
except ValueError:
    obj = None
sess = sid = None
if isinstance(obj, dict):
    has = [k in obj for k in ("session_id", "session")]
    sid, sess = obj.pop("session_id", None), obj.pop("session", None)
    engine_error = obj.get("status") == "killed" and isinstance(obj.get("error"), dict) \
        and obj["error"].get("type") == "EngineError"
    if has != [True, True] and not (has == [False, False] and engine_error):
        problems.append("session_id/session present: %s (both required unless an EngineError)" % has)
    if sid is not None and sid != want_id:
        problems.append("session_id %r, want %r" % (sid, want_id))
    if sess is not None:
        if not isinstance(sess, dict):
            problems.append("session is not an object: %r" % (sess,))
            sess = None
    if sess is not None:
        keys = {"origin", "rolled_back", "saved", "calls"}
        if sess.get("saved") is False and sess.get("rolled_back") is False:
            keys.add("save_error")
        if set(sess) != keys:
            problems.append("session keys %s, want %s" % (sorted(sess), sorted(keys)))
        if sess.get("origin") not in ("created", "resumed", "restored"):
            problems.append("session.origin %r" % (sess.get("origin"),))
        for k in ("rolled_back", "saved"):
            if not isinstance(sess.get(k), bool):
                problems.append("session.%s is not a bool" % k)
        c = sess.get("calls")
        if not isinstance(c, int) or isinstance(c, bool) or c < 0:
            problems.append("session.calls is not a non-negative int: %r" % (c,))
        if sess.get("rolled_back") is True and sess.get("saved") is not False:
            problems.append("rolled back but saved")
        if "save_error" in sess and not (isinstance(sess["save_error"], str) and sess["save_error"]):
            problems.append("save_error is not a non-empty string")
    base = json.dumps(obj)
open(raw_path + ".base", "w", encoding="utf-8").write(base)
sys.argv = [jparse, raw_path + ".base", outdir]
exec(compile(open(jparse).read(), jparse, "exec"), {"__name__": "__main__"})
def put(name, v):
    s = {True: "true", False: "false", None: "null"}.get(v, v) if isinstance(v, (bool, type(None))) else str(v)
    open(outdir + "/" + name, "w", encoding="utf-8").write(s)
if sid is not None:
    put("session_id", sid)
if isinstance(sess, dict):
    for k, v in sess.items():
        put("session." + k, v)
if problems:
    old = open(outdir + "/_problems", encoding="utf-8").read()
    open(outdir + "/_problems", "w", encoding="utf-8").write("\n".join(([old] if old else []) + problems))
PY

sj() {
    local id=$1; shift
    pa run --json --state-dir "$SD" --session "$id" "$@"
    rm -rf "$T_J"
    mkdir -p "$T_J"
    "$PY3" "$T_TMP/sjparse.py" "$T_OUT" "$T_J" "$T_TMP/jparse.py" "$id" 2>"$T_TMP/jparse.err" ||
        echo "json parser crashed: $(cat "$T_TMP/jparse.err")" >"$T_J/_problems"
    _slurp J_PROBLEMS "$T_J/_problems"
    [ "$RC" = 0 ] && [ -z "$ERR" ] || BAD+=("sj $id: exit $RC, stderr $(_show "$ERR")")
    return 0
}
jsess() {
    is "$(jget session.origin) $(jget session.rolled_back) $(jget session.saved) $(jget session.calls)" "$1" "$2"
}
fsize() { stat -c %s "$1"; }
# Only <id>.session files, the lock and the sweep stamp: no temporary files.
session_dir_clean() {
    local stray
    stray=$(ls -A "$SS" | grep -v -e '^\.lock$' -e '^\.swept$' -e '\.session$')
    is "$stray" "" "$1"
}

# === 1. persistence across invocations ==================================================
sj p1 -c 'import json
counter = 41
def double(x):
    return 2 * x
class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
box = Box("kept")
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
inc = make_counter()
gen = (i * i for i in range(10))
json_id = id(json)
fh = open("/tmp/persist.txt", "w")
fh.write("line one\n")
print(next(gen), next(gen), inc())'
json_valid "persist call 1: valid result (session fields included), exit 0"
jis status ok "persist call 1: status ok"
jis stdout $'0 1 1\n' "persist call 1: stdout"
jis session_id p1 "persist call 1: session_id"
jsess "created false true 1" "persist call 1: origin created, saved, calls 1"
ok "persist call 1: DIR/sessions/p1.session written" test -s "$SS/p1.session"
is "$(stat -c %a "$SS/p1.session")" 600 "session file is private (mode 600)"

sj p1 -c 'counter += 1
print(counter, json.dumps({"k": [1, 2]}), id(json) == json_id, json is __import__("sys").modules["json"])
print(double(21), box.get(), type(box).__name__, isinstance(box, Box))
print(inc(), next(gen), next(gen))
fh.write("line two\n")'
json_valid "persist call 2: valid result"
jis stdout $'42 {"k": [1, 2]} True True\n42 kept Box True\n2 4 9\n' \
    "persist call 2: variable, same json module object, function, class+instance, closure, generator"
jsess "restored false true 2" "persist call 2: origin restored, calls 2"

sj p1 -c 'fh.close()
print(open("/tmp/persist.txt").read(), end="")
print(counter, inc(), list(gen))'
jis stdout $'line one\nline two\n42 3 [16, 25, 36, 49, 64, 81]\n' \
    "persist call 3: file handle kept open across calls; closure and generator continue"
jsess "restored false true 3" "persist call 3: calls 3"

sp p1 -c 'print(counter, inc())'
is "$RC $OUT$ERR" $'0 42 4\n' "plain mode in a session: exit 0, stdout, no stderr"

printf 'from_file = counter * 10\nprint(__name__, from_file)\n' >"$T_TMP/sess_prog.py"
sp p1 "$T_TMP/sess_prog.py"
is "$RC $OUT" $'0 __main__ 420\n' "FILE.py in a session sees the session's globals"
sj p1 -c 'print(from_file, counter)'
jis stdout $'420 42\n' "a FILE.py run's assignments persist too"
jsess "restored false true 6" "calls counts plain-mode and FILE runs (6)"
session_dir_clean "only the lock and session files in DIR/sessions after normal calls"

# === 2. isolation ============================================================================
sj iso-a -c 'secret_a = "A"
open("/tmp/only_a.txt", "w").write("a")'
jsess "created false true 1" "isolation: session iso-a created"
sj iso-b -c 'import os
print("secret_a" in globals(), "counter" in globals(), os.listdir("/tmp"))
secret_b = "B"
open("/tmp/only_b.txt", "w").write("b")'
jis stdout $'False False []\n' "isolation: a new session sees no other session's variables or /tmp files"
sj iso-a -c 'import os; print(secret_a, "secret_b" in globals(), sorted(os.listdir("/tmp")))'
jis stdout $'A False [\x27only_a.txt\x27]\n' "isolation: iso-a sees only its own variable and file"
sj iso-b -c 'import os; print(secret_b, "secret_a" in globals(), sorted(os.listdir("/tmp")))'
jis stdout $'B False [\x27only_b.txt\x27]\n' "isolation: iso-b sees only its own variable and file"
pj -c 'import os
print([n for n in ("secret_a", "secret_b", "counter", "json") if n in globals()], os.listdir("/tmp"))
open("/tmp/fresh.txt", "w").write("f")'
json_valid "fresh run: result has no session fields (strict schema)"
jis stdout $'[] []\n' "fresh run sees no session's variables or /tmp files"
pj -c 'import os; print(os.listdir("/tmp"))'
jis stdout $'[]\n' "fresh runs do not share /tmp with each other"
sj iso-a -c 'import os; print(sorted(os.listdir("/tmp")))'
jis stdout $'[\x27only_a.txt\x27]\n' "fresh runs leave sessions alone"

# Calls on one session from several processes at once are serialized.
sj par -c 'n = 0'
pids=()
for i in 1 2 3 4 5 6; do
    timeout -k 5 "$PA_LIMIT" "$POLYAGENT" run --state-dir "$SD" --session par -c 'n += 1' </dev/null >/dev/null 2>"$T_TMP/par$i.err" &
    pids+=($!)
done
prc=0
for p in "${pids[@]}"; do wait "$p" || prc=$?; done
is "$prc" 0 "6 concurrent calls on one session: all exit 0"
is "$(cat "$T_TMP"/par?.err)" "" "6 concurrent calls on one session: no stderr"
sj par -c 'print(n)'
jis stdout $'6\n' "6 concurrent calls on one session: no update lost"
jsess "restored false true 8" "6 concurrent calls on one session: calls 8"

# === 3. exceptions keep the session ==========================================================
sj ex -c 'a = 1'
sj ex -c 'a = 2; b = "set before raise"; raise ValueError("x")'
json_valid "exception: valid result"
jis status error "exception: status error"
jis exit_code 1 "exception: exit_code 1"
jis error.type ValueError "exception: error.type"
jis error.message x "exception: error.message"
jsess "restored false true 2" "exception: not rolled back, saved, counted"
sj ex -c 'print(a, b)'
jis stdout $'2 set before raise\n' "exception: assignments made before the raise persist"

sj ex -c 'c = 3
def f(:'
jis error.type SyntaxError "SyntaxError in a session: error.type"
jsess "restored false true 4" "SyntaxError: session kept (saved, counted)"
sj ex -c 'print(a, "c" in globals())'
jis stdout $'2 False\n' "SyntaxError: nothing of the bad call ran, earlier state intact"

sj ex -c 'import sys; d = 4; print("bye"); sys.exit(3)'
jis status error "sys.exit(3) in a session: status error"
jis exit_code 3 "sys.exit(3) in a session: exit_code 3"
jis error.type SystemExit "sys.exit(3) in a session: error.type SystemExit"
jsess "restored false true 6" "sys.exit(3) is an exception: session kept"
sj ex -c 'print(d)'
jis stdout $'4\n' "sys.exit(3): assignments before it persist"

sj ex -c 'e = 5; x = bytearray(400 * 1024 * 1024)'
jis status memory_limit "MemoryError in a session: status memory_limit"
jsess "restored false true 8" "MemoryError raised in Python: session kept"
sj ex -c 'print(e, "x" in globals())'
jis stdout $'5 False\n' "MemoryError: earlier assignment kept, failed one absent"

sp ex -c 'raise KeyError("k")'
is "$RC" 1 "plain mode: exception in a session exits 1"
like "$ERR" 'KeyError' "plain mode: traceback on stderr"
sp ex -c 'print(a)'
is "$RC $OUT" $'0 2\n' "plain mode: session kept after the exception"

# === 4. killed calls roll back =================================================================
sj kl -c 'before = "intact"'
sj kl --timeout 1 -c 'during = 1
print("looping", flush=True)
while True:
    pass'
json_valid "timeout in a session: valid result"
jis status timeout "timeout (busy loop): status timeout"
jis exit_code 124 "timeout: exit_code 124"
jis error.type Timeout "timeout: error.type"
jis stdout $'looping\n' "timeout: output before the kill kept"
jsess "restored true false 1" "timeout: rolled_back true, not saved, calls unchanged"
sj kl -c 'print(before)
print(during)'
jis stdout $'intact\n' "after timeout: earlier variable intact"
jis error.type NameError "after timeout: variable set in the killed call is gone (NameError)"
jsess "restored false true 2" "after timeout: next call restored, calls 2"

sj kl --timeout 1 -c 'import time
slept = 1
time.sleep(5)'
jis status timeout "timeout (time.sleep): status timeout"
jsess "restored true false 2" "timeout (time.sleep): rolled back"
between "$WALL" 0.5 4 "timeout (time.sleep): stopped after about 1 s"
sj kl -c 'print("slept" in globals(), "time" in globals(), before)'
jis stdout $'False False intact\n' "after timeout: the killed call's import and variable are gone"

sj kl -c 'import os
exited = 1
open("/tmp/from_killed_call", "w").write("x")
os._exit(3)'
jis exit_code 3 "os._exit(3) in a session: exit_code 3"
jsess "restored true false 3" "os._exit(3): rolled back"
sj kl -c 'import os; print("exited" in globals(), os.path.exists("/tmp/from_killed_call"), before)'
jis stdout $'False False intact\n' "after os._exit: variables and /tmp files of the killed call are gone"

sj kl -c 'trapped = 1
import os
os.abort()'
jis status killed "trap in a session: status killed"
jis error.type Trap "trap in a session: error.type Trap"
jsess "restored true false 4" "trap: rolled back"
sj kl -c 'print("trapped" in globals(), before)'
jis stdout $'False intact\n' "after a trap: state as before the call"

sp kl --timeout 1 -c 'while True: pass'
is "$RC" 124 "plain mode: timeout in a session exits 124"
like "$ERR" 'session kl: .*as it was before' "plain mode: stderr says the session was rolled back"
sp kl -c 'import os; os._exit(7)'
is "$RC" 7 "plain mode: os._exit(7) in a session exits 7"
like "$ERR" 'session kl: .*as it was before' "plain mode: os._exit: rollback reported on stderr"
sp kl -c 'print(before)'
is "$RC $OUT" $'0 intact\n' "plain mode: session intact after killed calls"

sj kn -c 'import os
x = 1
os._exit(0)'
jsess "created true false 0" "first call of a new session killed: created, rolled back, calls 0"
ok "first call killed: no session file written" test ! -e "$SS/kn.session"
sj kn -c 'print("x" in globals())'
jis stdout $'False\n' "after a killed first call: a new, empty session"
jsess "created false true 1" "after a killed first call: origin created, calls 1"

# === 5. corrupt, truncated, foreign and removed session files ==================================
for s in ct cm cg ci keep; do sj "$s" -c "x = '$s'"; done
truncate -s $(( $(fsize "$SS/ct.session") / 2 )) "$SS/ct.session"
sz=$(fsize "$SS/cm.session")
printf 'CORRUPTED-BYTES!CORRUPTED-BYTES!' | dd of="$SS/cm.session" bs=1 seek=$((sz / 2)) conv=notrunc 2>/dev/null
printf 'this is no session file header, just 64 bytes of garbage text!!' | dd of="$SS/cg.session" bs=1 seek=0 conv=notrunc 2>/dev/null
printf '\x5a\xa5\x5a\xa5\x5a\xa5\x5a\xa5' | dd of="$SS/ci.session" bs=1 seek=16 conv=notrunc 2>/dev/null   # image id field
cp "$SS/cm.session" "$T_TMP/cm.copy"
for s in ct:truncated cm:overwritten cg:garbage-header; do
    id=${s%%:*} what=${s#*:}
    sj "$id" -c 'print(x)'
    json_valid "$what file: still one valid result, exit 0"
    jis status killed "$what file: status killed"
    jis exit_code 126 "$what file: exit_code 126"
    jis error.type EngineError "$what file: error.type EngineError"
    jlike error.message "session $id is corrupt" "$what file: message names the session and says corrupt"
    jis stdout "" "$what file: nothing ran"
    sp "$id" -c 'print(x)'
    is "$RC" 126 "$what file, plain mode: exit 126"
    is "$OUT" "" "$what file, plain mode: no stdout"
    like "$ERR" "session $id is corrupt" "$what file, plain mode: message on stderr"
done
ok "a corrupt file is left as it was (not overwritten or deleted)" cmp -s "$SS/cm.session" "$T_TMP/cm.copy"
sj ci -c 'print(x)'
jis status killed "image id field overwritten: status killed"
jlike error.message "session ci " "image id field overwritten: error names the session"
sj keep -c 'print(x)'
jis stdout $'keep\n' "another session still works next to corrupt ones"
jsess "restored false true 2" "the healthy session: restored, calls 2"
pj -c 'print("fresh")'
jis stdout $'fresh\n' "fresh runs still work next to corrupt sessions"

rm -f "$SS/ct.session"
sj ct -c 'print("x" in globals())'
jis stdout $'False\n' "session file removed: the next call starts a new session"
jsess "created false true 1" "session file removed: origin created, calls 1"

# The header's bookkeeping fields are not covered by the zstd checksum:
# garbage in the calls counter must not come back as a negative count.
sj hc -c 'x = "hc"'
printf '\x5a\xa5\x5a\xa5\x5a\xa5\x5a\xa5' | dd of="$SS/hc.session" bs=1 seek=48 conv=notrunc 2>/dev/null
sj hc -c 'print(x)'
jcheck '(d["status"] == "killed" and "corrupt" in d["error"]["message"]) or (d["stdout"] == "hc\n" and 0 <= d["session"]["calls"] < 2**53)' \
    "garbage in the header's calls field: a corrupt error or a sane non-negative count"

# A session that is intact but needs more memory than this call's limit.
sj mem -c 'y = bytearray(100 * 1024 * 1024); print(len(y))'
jis stdout $'104857600\n' "100 MiB session created"
sj mem --memory-mb 64 -c 'print(len(y))'
jis status killed "restore under a lower --memory-mb: refused"
jlike error.message 'memory' "restore under a lower --memory-mb: message is about memory"
jcheck '"corrupt" not in d["error"]["message"]' "restore under a lower --memory-mb: an intact session is not called corrupt"
sj mem -c 'print(len(y))'
jis stdout $'104857600\n' "the session still restores with the default limit"

# === 6. randomness ================================================================================
RND='import random, tempfile
print(random.random())
print(tempfile.mktemp())'
f1= f2=
pj -c "$RND"; _jval f1 stdout
pj -c "$RND"; _jval f2 stdout
like "$f1" $'^0\\.[0-9]+\n/tmp/[^\n]+\n$' "fresh run prints a random float and a temp name"
isnt "${f1%%$'\n'*}" "${f2%%$'\n'*}" "two fresh runs: different random.random()"
isnt "${f1#*$'\n'}" "${f2#*$'\n'}" "two fresh runs: different tempfile.mktemp() names"
sj rnd1 -c "$RND"; s1=$(jget stdout)
sj rnd2 -c "$RND"; s2=$(jget stdout)
like "$s1" $'^0\\.[0-9]+\n/tmp/' "new session prints a random float and a temp name"
isnt "${s1%%$'\n'*}" "${s2%%$'\n'*}" "two new sessions: different random.random()"
isnt "${s1#*$'\n'}" "${s2#*$'\n'}" "two new sessions: different tempfile.mktemp() names"
isnt "${s1%%$'\n'*}" "${f1%%$'\n'*}" "a new session does not repeat a fresh run's random.random()"
is "$(ls "$SD/images" | grep -c '^base-.*\.img$')" 1 "one base image in DIR/images, shared by all runs"

# === 7. invalid session ids ==========================================================================
long129=$(printf 'x%.0s' $(seq 129))
long128=${long129:1}
for bad in '' '.hidden' '.' '..' 'a/b' '../escape' '/abs' "$long129" 'sp ace' 'caf'$'\xc3\xa9' 'a:b' 'x;y' 'star*' $'nl\nx'; do
    sp "$bad" -c 'print(1)'
    is "$RC" 2 "invalid id $(printf %q "$bad" | cut -c1-40): exit 2"
    if [ -z "$OUT" ] && [[ $ERR =~ "not a valid id" ]]; then pass "invalid id $(printf %q "$bad" | cut -c1-40): no stdout, message on stderr"
    else fail "invalid id $(printf %q "$bad" | cut -c1-40): no stdout, message on stderr" "stdout $(_show "$OUT")" "stderr $(_show "$ERR")"; fi
done
pa run --json --state-dir "$SD" --session 'a/b' -c 'print(1)'
is "$RC" 2 "invalid id with --json: exit 2 (usage error)"
is "$OUT" "" "invalid id with --json: no result on stdout"
pa run --state-dir "$SD" --session= -c 'print(1)'
is "$RC" 2 "--session= (empty): exit 2"
pa run --state-dir "$SD" -c 'print(1)' --session
is "$RC" 2 "--session without a value: exit 2"
ok "no file created outside DIR/sessions by bad ids" test ! -e "$SD/escape.session" -a ! -e "$SS/b.session"
sp "$long128" -c 'print("long ok")'
is "$RC $OUT" $'0 long ok\n' "128-character id is valid"
ok "128-character id: its file exists" test -f "$SS/$long128.session"
sp 'A-z_0.9-' -c 'print("chars ok")'
is "$RC $OUT" $'0 chars ok\n' "id of letters, digits, '_', '.', '-' is valid"

# === 8. kill -9 durability ==============================================================================
sj k9 -c 'v = 5'
"$POLYAGENT" run --state-dir "$SD" --session k9 -c 'import time
v = 6
print("sleeping", flush=True)
time.sleep(30)' </dev/null >"$T_TMP/k9.out" 2>"$T_TMP/k9.err" &
BG_PID=$!
for _ in $(seq 400); do grep -q sleeping "$T_TMP/k9.out" 2>/dev/null && break; sleep 0.05; done
is "$(cat "$T_TMP/k9.out")" "sleeping" "kill -9: the background call is running"
sleep 0.5
{ kill -9 "$BG_PID"; wait "$BG_PID"; } 2>/dev/null   # quiet: no "Killed" job notice
is "$?" 137 "kill -9: the process died of SIGKILL"
BG_PID=
sj k9 -c 'print(v)'
jis stdout $'5\n' "after kill -9 mid-call: the next call sees the last saved state"
jsess "restored false true 2" "after kill -9: restored, calls 2"
session_dir_clean "after kill -9: no stray files in DIR/sessions"

# === 9. large state ===============================================================================================
want=$("$PY3" -c 'import zlib; print(51200000, zlib.crc32(bytes(range(256)) * 200000), 1000000, 499999500000)')
sj big -c 'import zlib
data = bytes(range(256)) * 200_000
nums = list(range(1_000_000))
print(len(data), zlib.crc32(data), len(nums), sum(nums))'
jis stdout "$want"$'\n' "large state: 51.2 MB bytes + 1M-element list built"
jis session.saved true "large state: saved"
sj big -c 'import zlib; print(len(data), zlib.crc32(data), len(nums), sum(nums))'
jis stdout "$want"$'\n' "large state: length and checksum survive the restore"
jsess "restored false true 2" "large state: restored"
between "$(fsize "$SS/big.session")" 1 10000000 "large state: compressible 51 MB session file is under 10 MB"

# === 10. stdin ===================================================================================================
sj in --stdin 'abc' -c 'import sys; got = sys.stdin.read(); print(got[::-1])'
jis stdout $'cba\n' "--stdin in a session"
sj in --stdin $'second\n' -c 'print(got, input())'
jis stdout $'abc second\n' "--stdin: each call gets its own input; earlier input kept in variables"
printf 'from a file\n' >"$T_TMP/stdin.txt"
sj in --stdin-file "$T_TMP/stdin.txt" -c 'print(input())'
jis stdout $'from a file\n' "--stdin-file in a session"
sj in -c 'import sys; print(repr(sys.stdin.read()))'
jis stdout $'\x27\x27\n' "no --stdin: empty stdin in a session"
# Input a call did not consume must not reach the next call.
sj in2 --stdin $'a\nb\n' -c 'print(input())'
jis stdout $'a\n' "partly read stdin: first line"
sj in2 --stdin $'c\n' -c 'print(input())'
jis stdout $'c\n' "next call reads its own --stdin, not the previous call's leftover"
sj in3 --stdin $'a\nb\n' -c 'print(input())'
sj in3 -c 'import sys; print(repr(sys.stdin.read()))'
jis stdout $'\x27\x27\n' "a call without --stdin reads nothing left over from earlier calls"

# === state directory selection ==================================================================================
E=$(mktemp -d "$T_TMP/env.XXXXXX")
POLYAGENT_STATE_DIR=$E pa run --session envdir -c 'print("env")'
is "$RC $OUT" $'0 env\n' "POLYAGENT_STATE_DIR: run ok"
ok "POLYAGENT_STATE_DIR: session file under it" test -f "$E/sessions/envdir.session"
O=$(mktemp -d "$T_TMP/opt.XXXXXX")
POLYAGENT_STATE_DIR=$E pa run --state-dir "$O" --session optdir -c 'print("opt")'
ok "--state-dir wins over POLYAGENT_STATE_DIR" test -f "$O/sessions/optdir.session" -a ! -e "$E/sessions/optdir.session"
H=$(mktemp -d "$T_TMP/home.XXXXXX")
POLYAGENT_STATE_DIR='' XDG_STATE_HOME='' HOME=$H pa run --session homedir -c 'print("home")'
is "$RC $OUT" $'0 home\n' "default state dir: run ok"
ok "default state dir is ~/.local/state/polyagent" test -f "$H/.local/state/polyagent/sessions/homedir.session"

# === save failure ===================================================================================================
# A file size limit makes the save fail (EFBIG, SIGXFSZ ignored): the call's
# result is reported, saved false with save_error, and the old state stays.
sj sv -c 'v = 1'
(
    trap '' XFSZ
    ulimit -f 500
    sj sv -c 'import os; v = 2; big = os.urandom(2_000_000); print("ran")'
    cp "$T_OUT" "$T_TMP/sv.json"
)
cp "$T_TMP/sv.json" "$T_OUT"
jcheck 'd["status"] == "ok" and d["stdout"] == "ran\n"' "save failure: the call's result is reported"
jcheck 'd["session"]["saved"] is False and d["session"]["rolled_back"] is False and d["session"]["save_error"] != ""' \
    "save failure: saved false, save_error given"
sj sv -c 'print(v, "big" in globals())'
jis stdout $'1 False\n' "save failure: the next call has the last saved state"
session_dir_clean "save failure: no temporary file left behind"

if [ ${#BAD[@]} -eq 0 ]; then pass "every --json session call exited 0 with empty stderr; no sanitizer report"
else fail "every --json session call exited 0 with empty stderr; no sanitizer report" "${BAD[@]}"; fi

done_testing
