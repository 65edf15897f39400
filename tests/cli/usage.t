#!/usr/bin/env bash
# Usage errors: exit status 2 and a "polyagent: ..." message; valid boundary
# values are accepted.
. "$(dirname "$0")/lib.sh"

usage_error() {  # usage_error NAME ARGS...
    local name=$1; shift
    pa "$@"
    is "$RC" 2 "$name: exit 2"
    like "$ERR" '(^|'$'\n'')polyagent: ' "$name: polyagent: message on stderr"
    unlike "$OUT" 'RAN' "$name: the program did not run"
}

usage_error "no arguments"
usage_error "unknown command" frobnicate -c 'print("RAN")'
usage_error "run without code or file" run
usage_error "unknown option" run --bogus -c 'print("RAN")'
usage_error "unknown short option" run -z -c 'print("RAN")'
usage_error "-c without an argument" run -c
usage_error "--timeout 0" run --timeout 0 -c 'print("RAN")'
usage_error "--timeout 61" run --timeout 61 -c 'print("RAN")'
usage_error "--timeout abc" run --timeout abc -c 'print("RAN")'
usage_error "--timeout -5" run --timeout -5 -c 'print("RAN")'
usage_error "--timeout empty" run --timeout '' -c 'print("RAN")'
usage_error "--timeout without a value" run -c 'print("RAN")' --timeout
usage_error "--memory-mb 1" run --memory-mb 1 -c 'print("RAN")'
usage_error "--memory-mb 15" run --memory-mb 15 -c 'print("RAN")'
usage_error "--memory-mb 4097" run --memory-mb 4097 -c 'print("RAN")'
usage_error "--memory-mb abc" run --memory-mb abc -c 'print("RAN")'
usage_error "missing file" run "$T_TMP/does-not-exist.py"
mkdir -p "$T_TMP/adir.py"
usage_error "a directory as FILE" run "$T_TMP/adir.py"
usage_error "--stdin-file missing" run --stdin-file "$T_TMP/no-such-input" -c 'print("RAN")'
usage_error "--stdin without a value" run -c 'print("RAN")' --stdin
usage_error "--json with a bad --timeout" run --json --timeout 0 -c 'print("RAN")'
usage_error "--json with a missing file" run --json "$T_TMP/does-not-exist.py"

# --- valid boundary values ------------------------------------------------------------
pa run --timeout 1 -c 'print("RAN")'
is "$RC" 0 "--timeout 1 accepted"
out_is $'RAN\n' "--timeout 1 runs the program"
pa run --timeout 60 -c 'print("RAN")'
is "$RC" 0 "--timeout 60 accepted"
pa run --memory-mb 4096 -c 'print("RAN")'
is "$RC" 0 "--memory-mb 4096 accepted"
pa run --memory-mb 256 -c 'print("RAN")'
is "$RC" 0 "--memory-mb 256 accepted"
pj --memory-mb 16 -c 'print("RAN")'
isnt "$RC" 2 "--memory-mb 16 is not a usage error"
one_of "$(jget status)" "--memory-mb 16: runs (ok) or hits the cap (memory_limit)" ok memory_limit
pa run --json --timeout 60 --memory-mb 4096 --stdin '' -c 'print("RAN")'
is "$RC" 0 "all options together are accepted"

# --- the limits actually apply ------------------------------------------------------------
pj --memory-mb 128 -c 'x = bytearray(150 * 1024 * 1024); print(len(x))'
jis status memory_limit "--memory-mb 128: a 150 MiB allocation does not fit"
pj --memory-mb 512 -c 'x = bytearray(150 * 1024 * 1024); print(len(x))'
jis status ok "--memory-mb 512: a 150 MiB allocation fits"
jis stdout $'157286400\n' "--memory-mb 512: allocation usable"
pj -c 'x = bytearray(100 * 1024 * 1024); print(len(x))'
jis status ok "default memory (256 MiB): 100 MiB fits"
pj --timeout 3 -c 'import time; t = time.monotonic()
while time.monotonic() - t < 1.5: pass
print("done")'
jis status ok "--timeout 3: a 1.5 s busy loop finishes"
jis stdout $'done\n' "--timeout 3: output"

done_testing
