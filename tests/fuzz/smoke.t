#!/bin/sh
# Short libFuzzer passes (ASan + UBSan): any finding fails.
#   fuzz_wasi  the WASI layer over a toy memory
#   fuzz_live  the WASI imports of a live instance (base image, real memory)
#   fuzz_json  the CLI's JSON encoding of results
bin="${BUILD_DIR:-build/rel}/../fuzz_wasi"
secs="${FUZZ_SMOKE_SECONDS:-8}"
echo "1..3"
if "$bin" -max_total_time="$secs" -rss_limit_mb=2048 >"${TMPDIR:-/tmp}/fuzz_wasi_smoke.log" 2>&1; then
    echo "ok 1 - fuzz_wasi ran ${secs}s without a finding"
else
    echo "not ok 1 - fuzz_wasi found a problem"
    tail -40 "${TMPDIR:-/tmp}/fuzz_wasi_smoke.log" | sed 's/^/# /'
fi

# The newer targets start from their seeds (read-only: new inputs go to a
# scratch corpus) and keep a finding's input in that directory.
n=1
for t in fuzz_live fuzz_json; do
    n=$((n + 1))
    work=$(mktemp -d "${TMPDIR:-/tmp}/$t.XXXXXX")
    log="${TMPDIR:-/tmp}/${t}_smoke.log"
    if UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "${BUILD_DIR:-build/rel}/../$t" \
        -max_total_time="$secs" -rss_limit_mb=2048 -artifact_prefix="$work/" \
        "$work" "$(dirname "$0")/seeds/$t" >"$log" 2>&1; then
        echo "ok $n - $t ran ${secs}s without a finding"
        rm -rf "$work"
    else
        echo "not ok $n - $t found a problem (input kept in $work)"
        tail -40 "$log" | sed 's/^/# /'
    fi
done
