#!/usr/bin/env bash
# tests/conformance/run.sh [PATTERN...] — differential conformance test (TAP).
#
# Runs every tests/conformance/cases/*.py (or those whose name contains one
# of the PATTERNs) twice:
#   native:    $NATIVE_PYTHON -I -S case.py   (cwd = a fresh temp dir)
#   polyagent: $POLYAGENT run case.py
# both with stdin from /dev/null and a per-run limit of $CASE_TIMEOUT seconds,
# and compares stdout byte for byte and the exit status.  For NNN_exit_*.py
# cases the last line of stderr (the exception line) is compared as well.
# Cases named in skipped.txt (first word ending in .py) are reported as SKIP.
#
# Environment:
#   POLYAGENT      binary under test (default: build/polyagent in the repo)
#   NATIVE_PYTHON  reference interpreter (default: /usr/bin/python3.11)
#   CASE_TIMEOUT   seconds per run (default 60)
#   JOBS           cases run in parallel (default: number of CPUs)
#   KEEP_WORK=1    keep the scratch directory and print where it is
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
POLYAGENT=${POLYAGENT:-$root/build/polyagent}
NATIVE_PYTHON=${NATIVE_PYTHON:-/usr/bin/python3.11}
CASE_TIMEOUT=${CASE_TIMEOUT:-60}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# Make the binaries usable from the per-case temp dirs.
abspath() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        */*) printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")" ;;
        *) command -v "$1" || printf '%s\n' "$1" ;;
    esac
}
POLYAGENT=$(abspath "$POLYAGENT")
NATIVE_PYTHON=$(abspath "$NATIVE_PYTHON")

if [ ! -x "$POLYAGENT" ]; then
    echo "Bail out! polyagent binary not found or not executable: $POLYAGENT"
    exit 1
fi
if [ ! -x "$NATIVE_PYTHON" ]; then
    echo "Bail out! native python not found: $NATIVE_PYTHON"
    exit 1
fi

# --- which cases -----------------------------------------------------------
cases=()
for f in "$here"/cases/*.py; do
    name=$(basename "$f")
    if [ $# -gt 0 ]; then
        keep=0
        for pat in "$@"; do
            case $name in *"$pat"*) keep=1 ;; esac
        done
        [ $keep = 1 ] || continue
    fi
    cases+=("$name")
done
if [ ${#cases[@]} -eq 0 ]; then
    echo "1..0 # SKIP no case matches: $*"
    exit 0
fi

declare -A skip_reason=()
if [ -f "$here/skipped.txt" ]; then
    while read -r first rest; do
        case $first in
            \#*|'') continue ;;
            *.py) skip_reason[$first]=${rest#-- } ;;
        esac
    done < "$here/skipped.txt"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pa-conformance.XXXXXX")
if [ "${KEEP_WORK:-0}" = 1 ]; then
    echo "# work directory: $work"
else
    trap 'rm -rf "$work"' EXIT
fi

# --- run (in parallel); results land in $work/<case>/ ----------------------
run_one() {
    local name=$1 d="$work/$1" src="$here/cases/$1"
    mkdir -p "$d/native-cwd" "$d/pa-cwd"
    (cd "$d/native-cwd" && LC_ALL=C.UTF-8 timeout -k 5 "$CASE_TIMEOUT" \
        "$NATIVE_PYTHON" -I -S "$src" </dev/null >"$d/n.out" 2>"$d/n.err")
    echo $? >"$d/n.rc"
    (cd "$d/pa-cwd" && LC_ALL=C.UTF-8 timeout -k 5 "$CASE_TIMEOUT" \
        "$POLYAGENT" run "$src" </dev/null >"$d/p.out" 2>"$d/p.err")
    echo $? >"$d/p.rc"
}
export -f run_one
export work here POLYAGENT NATIVE_PYTHON CASE_TIMEOUT

torun=()
for name in "${cases[@]}"; do
    [ -n "${skip_reason[$name]+x}" ] || torun+=("$name")
done
if [ ${#torun[@]} -gt 0 ]; then
    printf '%s\n' "${torun[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_one "$1"' _ {}
fi

# --- report -----------------------------------------------------------------
diag() { sed -e 's/^/# /'; }
last_line() { tail -n 1 "$1" 2>/dev/null; }

echo "1..${#cases[@]}"
n=0
failed=0
for name in "${cases[@]}"; do
    n=$((n + 1))
    if [ -n "${skip_reason[$name]+x}" ]; then
        echo "ok $n - $name # SKIP ${skip_reason[$name]:-listed in skipped.txt}"
        continue
    fi
    d="$work/$name"
    nrc=$(cat "$d/n.rc" 2>/dev/null || echo "?")
    prc=$(cat "$d/p.rc" 2>/dev/null || echo "?")
    problems=()
    is_exit_case=0
    case $name in [0-9][0-9][0-9]_exit_*) is_exit_case=1 ;; esac

    if [ $is_exit_case = 0 ] && [ "$nrc" != 0 ]; then
        problems+=("native run failed with status $nrc (the case itself is broken)")
    fi
    if [ "$nrc" != "$prc" ]; then
        problems+=("exit status: native $nrc, polyagent $prc")
    fi
    if ! cmp -s "$d/n.out" "$d/p.out"; then
        problems+=("stdout differs ($(wc -c <"$d/n.out") bytes native, $(wc -c <"$d/p.out") bytes polyagent)")
    fi
    if [ $is_exit_case = 1 ]; then
        nl=$(last_line "$d/n.err")
        pl=$(last_line "$d/p.err")
        if [ "$nl" != "$pl" ]; then
            problems+=("last stderr line: native [$nl], polyagent [$pl]")
        fi
    fi

    if [ ${#problems[@]} -eq 0 ]; then
        echo "ok $n - $name"
        continue
    fi
    failed=$((failed + 1))
    echo "not ok $n - $name"
    for p in "${problems[@]}"; do echo "# $p"; done
    case " $nrc $prc " in *" 124 "*|*" 137 "*)
        echo "# (124/137 may also mean the per-run limit of ${CASE_TIMEOUT}s was hit)" ;;
    esac
    if ! cmp -s "$d/n.out" "$d/p.out"; then
        echo "# --- stdout diff (native vs polyagent), first 60 lines:"
        diff -u --label native --label polyagent "$d/n.out" "$d/p.out" | head -n 60 | diag
    fi
    if [ -s "$d/p.err" ]; then
        echo "# --- polyagent stderr, last 15 lines:"
        tail -n 15 "$d/p.err" | diag
    fi
    if [ "$nrc" != 0 ] && [ $is_exit_case = 0 ] && [ -s "$d/n.err" ]; then
        echo "# --- native stderr, last 15 lines:"
        tail -n 15 "$d/n.err" | diag
    fi
done
echo "# $((n - failed))/$n passed (polyagent: $POLYAGENT, native: $NATIVE_PYTHON)"
[ $failed -eq 0 ]
