#!/bin/sh
# Short libFuzzer pass over the WASI layer (ASan + UBSan): any crash fails.
bin="${BUILD_DIR:-build/rel}/../fuzz_wasi"
secs="${FUZZ_SMOKE_SECONDS:-8}"
echo "1..1"
if "$bin" -max_total_time="$secs" -rss_limit_mb=2048 >"${TMPDIR:-/tmp}/fuzz_wasi_smoke.log" 2>&1; then
    echo "ok 1 - fuzz_wasi ran ${secs}s without a finding"
else
    echo "not ok 1 - fuzz_wasi found a problem"
    tail -40 "${TMPDIR:-/tmp}/fuzz_wasi_smoke.log" | sed 's/^/# /'
fi
