#!/usr/bin/env bash
# Attack suite: hostile Python programs (tests/security/cases/NNN_name.py),
# each with its exact expected outcome in its header (see check.py for the
# format).  Every case runs `polyagent run --json [args] FILE` with a state
# directory of its own; after each case a normal run must still work.
# Cases run in parallel (PA_SECURITY_JOBS, default 2).
#
#   prove tests/security/attacks.t
#   PA_SECURITY_CASES='04*' prove -v tests/security/attacks.t    (a subset)
#   POLYAGENT=build/polyagent-asan prove tests/security/attacks.t
. "$(dirname "$0")/../cli/lib.sh"

SEC_DIR=$(cd "$(dirname "$0")" && pwd)
CHECK="$SEC_DIR/check.py"
# A value that must never reach the guest (checked by the environment cases).
export PA_SECURITY_CANARY=${PA_SECURITY_CANARY:-pa-canary-$$-$RANDOM$RANDOM}

# ---- worker: one case, in a process of its own (own $T_TMP from lib.sh) ----------
# run_case CASE RESULTS: runs every step of CASE and a follow-up run, appends
# "ok|not ok|todo not ok<TAB>name<TAB>diag" lines (diagnostic newlines as
# \x1f; check.py writes most of them) and todo-step lines to RESULTS.
record() { local d=${3:-}; printf '%s\t%s\t%s\n' "$1" "$2" "${d//$'\n'/$'\x1f'}" >>"$RESULTS"; }
run_case() {
    local case=$1 name steps file i k t args=()
    RESULTS=$2
    name=$(basename "$case" .py)
    export POLYAGENT_STATE_DIR=$T_TMP/state
    mkdir -p "$POLYAGENT_STATE_DIR" "$T_TMP/case"
    # A copy of the driver's base image saves each case the ~0.15 s build.
    [ -d "${PA_SECURITY_TEMPLATE:-}/images" ] && cp -a "$PA_SECURITY_TEMPLATE/images" "$POLYAGENT_STATE_DIR/"
    cd "$T_TMP" || return
    steps=$("$PY3" "$CHECK" plan "$case" "$T_TMP/case" 2>&1)
    if ! [[ $steps =~ ^[0-9]+$ ]]; then
        record "not ok" "$name: case file is well-formed" "$steps"
        return
    fi
    for ((k = 1; k <= steps; k++)); do
        mapfile -d '' args <"$T_TMP/case/step$k.args"
        t=10
        for ((i = 0; i < ${#args[@]}; i++)); do
            [ "${args[i]}" = --timeout ] && t=${args[i + 1]}
        done
        PA_LIMIT=$(awk -v t="$t" 'BEGIN { printf "%d", t + 15 }')
        file=$case
        [ "$steps" -gt 1 ] && file=$T_TMP/case/step$k.py
        pa run --json "${args[@]}" "$file"
        cp "$T_OUT" "$T_TMP/case/step$k.json"
        if ! "$PY3" "$CHECK" check "$case" "$k" "$T_TMP/case" "$RC" "$WALL" "$T_OUT" "$T_ERR" "$RESULTS" \
            >"$T_TMP/check.out" 2>&1; then
            record "not ok" "$name: step $k checked" "$(cat "$T_TMP/check.out")"
        fi
    done
    rm -f "$T_TMP/case/stdin.bin"
    # The host survives: a normal run in the same state directory still works.
    PA_LIMIT=20
    pa run --json --timeout 5 -c 'print(6 * 7)'
    if [ "$RC" = 0 ] && [[ $OUT == '{"status":"ok","exit_code":0,"stdout":"42\n",'* ]] && [ -z "$ERR" ]; then
        record "ok" "$name: afterwards a normal run still works"
    else
        record "not ok" "$name: afterwards a normal run still works" "exit $RC, stdout $(_show "$OUT"), stderr $(_show "$ERR")"
    fi
}

if [ "${1:-}" = --worker ]; then
    run_case "$3" "$2/$(basename "$3" .py).res"
    exit 0
fi

# ---- driver ----------------------------------------------------------------------
export POLYAGENT   # absolute (lib.sh): the workers run elsewhere
RES=$T_TMP/results
mkdir -p "$RES"
mapfile -t CASES < <(ls "$SEC_DIR"/cases/${PA_SECURITY_CASES:-*}.py 2>/dev/null | sort)
if [ ${#CASES[@]} -eq 0 ]; then
    echo "Bail out! no cases in $SEC_DIR/cases"
    exit 1
fi
t0=$(_now)
export PA_SECURITY_TEMPLATE=$T_TMP/template
"$POLYAGENT" run --state-dir "$PA_SECURITY_TEMPLATE" -c pass >/dev/null 2>&1 || PA_SECURITY_TEMPLATE=
# Workers print nothing on the TAP stream (a "Bail out!" of theirs lands in
# their log and shows up as a case without results).
printf '%s\0' "${CASES[@]}" |
    xargs -0 -n 1 -P "${PA_SECURITY_JOBS:-2}" sh -c 'bash "$0" --worker "$1" "$2" >"$1/$(basename "$2" .py).log" 2>&1' \
        "$SEC_DIR/attacks.t" "$RES"

for case in "${CASES[@]}"; do
    name=$(basename "$case" .py)
    if [ ! -s "$RES/$name.res" ]; then
        fail "$name: the case produced results" "$(cat "$RES/$name.log" 2>/dev/null)"
        continue
    fi
    todo= todo_failed=0
    while IFS=$'\t' read -r kind what diag extra; do
        diag=${diag//$'\x1f'/$'\n'}
        case $kind in
            ok) pass "$what" ;;
            "not ok") fail "$what" "$diag" ;;
            "todo not ok")  # a known bug (TAP TODO): reported, not counted
                T_N=$((T_N + 1)); echo "not ok $T_N - $what"
                [ -n "$diag" ] && _diag "$diag" ;;
            todo-step) todo=$diag; todo_failed=$((todo_failed + extra)) ;;
            *) fail "$name: malformed result line" "$kind $what $diag" ;;
        esac
    done <"$RES/$name.res"
    if [ -n "$todo" ]; then  # "ok # TODO" here means the bug is fixed: drop the todo line
        T_N=$((T_N + 1))
        if [ "$todo_failed" -gt 0 ]; then echo "not ok $T_N - $name: behaves as expected # TODO $todo"
        else echo "ok $T_N - $name: behaves as expected # TODO $todo"; fi
    fi
done
echo "# ${#CASES[@]} cases in $(awk -v a="$t0" -v b="$(_now)" 'BEGIN { printf "%.1f", b - a }') s (polyagent: $POLYAGENT)"
done_testing
