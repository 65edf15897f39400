# tests/cli/lib.sh — TAP helpers for the black-box CLI tests (sourced by *.t).
#
#   POLYAGENT   binary under test (default: build/polyagent in the repo)
#   PY3         python used to inspect JSON results (default: /usr/bin/python3)
#   PA_LIMIT    outer safety limit in seconds for one polyagent run (default 120)
#
# Running polyagent:
#   pa ARGS...         run "$POLYAGENT" ARGS (stdin </dev/null); sets RC, WALL
#                      (seconds, float), OUT/ERR (exact text, trailing newlines
#                      kept) and leaves the raw bytes in $T_OUT / $T_ERR.
#   pj ARGS...         pa run --json ARGS, then parses the result object
#                      (one python call): J_PROBLEMS lists schema violations.
# Assertions (each prints one TAP line):
#   pass NAME | fail NAME [DIAG...] | ok NAME CMD... (passes if CMD succeeds)
#   is GOT EXPECTED NAME | isnt GOT UNEXPECTED NAME
#   like GOT ERE NAME | unlike GOT ERE NAME          (bash =~ regex)
#   one_of GOT NAME V1 V2 ...
#   between GOT LO HI NAME                            (numeric, floats ok)
#   out_is TEXT NAME | err_is TEXT NAME              (exact plain-mode output)
#   json_valid NAME                                   (schema of the result)
#   jis PATH EXPECTED NAME | jlike PATH ERE NAME      (PATH: status, error.type…)
#   jcheck PY_EXPR NAME     (python expression over d = the parsed object)
#   followup NAME           (a trivial run still works: prints 42)
#   done_testing            (prints the plan; exit status = failures)
set -u

T_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
T_ROOT=$(cd "$T_LIB_DIR/../.." && pwd)
POLYAGENT=${POLYAGENT:-$T_ROOT/build/polyagent}
case $POLYAGENT in
    /*) ;;
    */*) POLYAGENT="$(cd "$(dirname "$POLYAGENT")" && pwd)/$(basename "$POLYAGENT")" ;;
esac
PY3=${PY3:-/usr/bin/python3}
PA_LIMIT=${PA_LIMIT:-120}

T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pa-cli.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
T_OUT=$T_TMP/out
T_ERR=$T_TMP/err
T_JSON=$T_TMP/result.json
T_J=$T_TMP/j            # one file per JSON field after pj
T_N=0
T_FAILED=0
RC=
WALL=
OUT=
ERR=
J_PROBLEMS=

if [ ! -x "$POLYAGENT" ]; then
    echo "Bail out! polyagent binary not found or not executable: $POLYAGENT"
    exit 1
fi

# ---- TAP core --------------------------------------------------------------
_show() {  # printable, shortened form of a value for diagnostics
    local v=$1
    if [ ${#v} -gt 400 ]; then
        v="${v:0:200}…[${#v} chars]…${v: -120}"
    fi
    printf '%q' "$v"
}
_diag() { printf '%s\n' "$@" | sed -e 's/^/#   /'; }
pass() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
fail() {
    T_N=$((T_N + 1)); T_FAILED=$((T_FAILED + 1))
    echo "not ok $T_N - $1"
    shift
    [ $# -gt 0 ] && _diag "$@"
    return 0
}
ok() {
    local name=$1; shift
    if "$@"; then pass "$name"; else fail "$name" "command failed: $*"; fi
}
is() {
    if [ "$1" == "$2" ]; then pass "$3"
    else fail "$3" "got:      $(_show "$1")" "expected: $(_show "$2")"; fi
}
isnt() {
    if [ "$1" != "$2" ]; then pass "$3"
    else fail "$3" "got the value it must not be: $(_show "$1")"; fi
}
like() {
    if [[ $1 =~ $2 ]]; then pass "$3"
    else fail "$3" "got:     $(_show "$1")" "does not match: $2"; fi
}
unlike() {
    if [[ $1 =~ $2 ]]; then fail "$3" "got:     $(_show "$1")" "matches (must not): $2"
    else pass "$3"; fi
}
one_of() {
    local got=$1 name=$2; shift 2
    local v
    for v in "$@"; do
        if [ "$got" == "$v" ]; then pass "$name"; return 0; fi
    done
    fail "$name" "got:      $(_show "$got")" "expected one of: $*"
}
between() {
    if awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v ~ /^-?[0-9.eE+-]+$/ && v + 0 >= lo + 0 && v + 0 <= hi + 0) }'; then
        pass "$4"
    else
        fail "$4" "got: $(_show "$1")" "expected a number in [$2, $3]"
    fi
}
done_testing() {
    echo "1..$T_N"
    [ $T_FAILED -eq 0 ] || echo "# $T_FAILED of $T_N failed (polyagent: $POLYAGENT)"
    exit $((T_FAILED > 254 ? 254 : T_FAILED))
}

# ---- running polyagent -----------------------------------------------------
# _slurp VAR FILE: exact file contents into VAR (trailing newlines kept).
_slurp() { local _s; { _s=$(cat "$2" 2>/dev/null; printf x); } 2>/dev/null; printf -v "$1" '%s' "${_s%x}"; }
_now() { date +%s.%N; }
pa() {
    local t0 t1
    t0=$(_now)
    timeout -k 5 "$PA_LIMIT" "$POLYAGENT" "$@" </dev/null >"$T_OUT" 2>"$T_ERR"
    RC=$?
    t1=$(_now)
    WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    _slurp OUT "$T_OUT"
    _slurp ERR "$T_ERR"
}
out_is() { is "$OUT" "$1" "$2"; }
err_is() { is "$ERR" "$1" "$2"; }
last_err_line() { tail -n 1 "$T_ERR"; }
err_lines() { local n; n=$(wc -l <"$T_ERR"); [ -s "$T_ERR" ] && [ -n "$(tail -c 1 "$T_ERR")" ] && n=$((n + 1)); echo "$n"; }

# Parse and validate the --json result; one file per field under $T_J.
cat >"$T_TMP/jparse.py" <<'PY'
import json, os, sys
raw = open(sys.argv[1], "rb").read()
outdir = sys.argv[2]
problems = []
KEYS = {"status", "exit_code", "stdout", "stderr", "stdout_truncated", "stderr_truncated", "error", "duration_ms"}
STATUSES = {"ok", "error", "timeout", "memory_limit", "killed"}
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    problems.append("stdout is not valid UTF-8: %s" % e)
    text = raw.decode("utf-8", "replace")
def bad_constant(name):
    raise ValueError("non-standard JSON constant " + name)
obj = None
try:
    obj = json.loads(text, parse_constant=bad_constant)
except ValueError as e:
    problems.append("stdout is not exactly one JSON value: %s; stdout starts %r" % (e, text[:200]))
def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)
def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)
def no_surrogates(s):
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False
if obj is not None:
    if not isinstance(obj, dict):
        problems.append("result is a %s, not an object" % type(obj).__name__)
        obj = None
if obj is not None:
    if set(obj) != KEYS:
        problems.append("keys: missing %s, unexpected %s" % (sorted(KEYS - set(obj)), sorted(set(obj) - KEYS)))
    if obj.get("status") not in STATUSES:
        problems.append("status %r not one of %s" % (obj.get("status"), sorted(STATUSES)))
    if not is_int(obj.get("exit_code")):
        problems.append("exit_code is not an int: %r" % (obj.get("exit_code"),))
    for k in ("stdout", "stderr"):
        if not isinstance(obj.get(k), str):
            problems.append("%s is not a string" % k)
        elif not no_surrogates(obj[k]):
            problems.append("%s holds lone surrogates (not valid Unicode)" % k)
    for k in ("stdout_truncated", "stderr_truncated"):
        if not isinstance(obj.get(k), bool):
            problems.append("%s is not a bool: %r" % (k, obj.get(k)))
    if not is_num(obj.get("duration_ms")) or obj.get("duration_ms") < 0:
        problems.append("duration_ms is not a non-negative number: %r" % (obj.get("duration_ms"),))
    err = obj.get("error", "missing")
    if err is not None:
        if not isinstance(err, dict):
            problems.append("error is neither null nor an object: %r" % (err,))
        else:
            if set(err) != {"type", "message", "traceback"}:
                problems.append("error keys: %s" % sorted(err))
            for k in ("type", "message", "traceback"):
                if not isinstance(err.get(k), str):
                    problems.append("error.%s is not a string" % k)
    if obj.get("status") == "ok" and err is not None:
        problems.append("status ok but error is not null")
    if obj.get("status") in ("error", "timeout", "memory_limit", "killed") and not isinstance(err, dict):
        problems.append("status %s but error is null" % obj.get("status"))
def put(name, v):
    if isinstance(v, bool):
        s = "true" if v else "false"
    elif v is None:
        s = "null"
    elif isinstance(v, (int, float)):
        s = repr(v)
    elif isinstance(v, str):
        s = v
    else:
        s = "<%s>" % type(v).__name__
    with open(os.path.join(outdir, name), "w", encoding="utf-8", errors="surrogatepass", newline="") as f:
        f.write(s)
os.makedirs(outdir, exist_ok=True)
if obj is not None:
    for k, v in obj.items():
        put(k, v)
    if isinstance(obj.get("error"), dict):
        for k, v in obj["error"].items():
            put("error." + k, v)
put("_problems", "\n".join(problems))
PY

pj() {
    pa run --json "$@"
    rm -rf "$T_J"
    mkdir -p "$T_J"
    "$PY3" "$T_TMP/jparse.py" "$T_OUT" "$T_J" 2>"$T_TMP/jparse.err" ||
        echo "json parser crashed: $(cat "$T_TMP/jparse.err")" >"$T_J/_problems"
    _slurp J_PROBLEMS "$T_J/_problems"
}
jget() {  # jget PATH -> value on stdout ("<missing>" when absent)
    if [ -f "$T_J/$1" ]; then cat "$T_J/$1"; else printf '<missing>'; fi
}
_jval() {  # _jval VAR PATH
    if [ -f "$T_J/$2" ]; then _slurp "$1" "$T_J/$2"; else printf -v "$1" '%s' '<missing>'; fi
}
jis() { local _v; _jval _v "$1"; is "$_v" "$2" "$3"; }
jlike() { local _v; _jval _v "$1"; like "$_v" "$2" "$3"; }
json_valid() {
    if [ -z "$J_PROBLEMS" ] && [ "$RC" = 0 ]; then pass "$1"
    else fail "$1" "process exit status: $RC (want 0)" "$J_PROBLEMS" "stderr: $(_show "$ERR")"; fi
}
jcheck() {  # jcheck PY_EXPR NAME  — d is the parsed result object
    local res
    res=$("$PY3" -c '
import json, sys
try:
    d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8", "replace"))
    r = eval(sys.argv[2])
except Exception as e:
    print("exception: %r" % e); sys.exit(0)
print("true" if r else "false")
' "$T_OUT" "$1" 2>&1)
    if [ "$res" = true ]; then pass "$2"; else fail "$2" "expression: $1" "result: $res"; fi
}

followup() {
    pa run -c 'print(6 * 7)'
    if [ "$RC" = 0 ] && [ "$OUT" = $'42\n' ]; then pass "$1"
    else fail "$1" "status $RC, stdout $(_show "$OUT"), stderr $(_show "$ERR")"; fi
}
