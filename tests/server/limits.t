#!/bin/bash
# Service settings and limits: a config file, the seed's environment names,
# and 429 when every worker is busy and the queue is full.
. "$(dirname "$0")/../cli/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"
cat >"$T_TMP/polyagent.conf" <<'CONF'
# settings for the test
POLYAGENT_WORKERS=1
POLYAGENT_QUEUE_MAX=0
WASI_TIMEOUT_SECONDS=1
CONF
WASI_MEMORY_LIMIT_MB=64 "$POLYAGENT" serve --config "$T_TMP/polyagent.conf" --listen 127.0.0.1:0 \
    >"$T_TMP/serve.out" 2>"$T_TMP/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$T_TMP"' EXIT
for _ in $(seq 100); do grep -q listening "$T_TMP/serve.out" 2>/dev/null && break; sleep 0.1; done
U=$(sed -n 's/^listening on //p' "$T_TMP/serve.out")
post() { curl -s -H 'Content-Type: application/json' -d "$1" "$U/v1/execute"; }
j() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

is "$(curl -s "$U/health" | j 'd["workers"]')" 1 "workers from the config file"
is "$(post '{"code": "while True: pass"}' | j 'd["status"], 1000 <= d["duration_ms"] < 1400')" "timeout True" \
   "the default time limit from WASI_TIMEOUT_SECONDS (config file)"
is "$(post '{"code": "b = bytearray(100 << 20)"}' | j 'd["status"], d["error"]["type"]')" "memory_limit MemoryError" \
   "the default memory limit from WASI_MEMORY_LIMIT_MB (environment)"
is "$(post '{"code": "b = bytearray(100 << 20); print(len(b))", "memory_limit_mb": 256}' | j 'd["stdout"].strip()')" \
   "104857600" "a request may ask for more, within the allowed range"

# One worker, no queue: a second run while the first sleeps is turned away.
post '{"code": "import time; time.sleep(1.5); print(\"slept\")", "timeout_seconds": 5}' >"$T_TMP/first" &
FIRST=$!
sleep 0.5
r=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' -d '{"code": "print(1)"}' "$U/v1/execute")
is "${r##*$'\n'} $(printf '%s' "${r%$'\n'*}" | j 'd["error"]["code"]')" "429 too_many_requests" "busy and no queue: 429"
wait $FIRST
is "$(j 'd["stdout"].strip()' <"$T_TMP/first")" "slept" "the running one was not disturbed"
is "$(post '{"code": "print(2)"}' | j 'd["stdout"].strip()')" 2 "free again afterwards"

"$POLYAGENT" serve --listen 127.0.0.1:99999 >/dev/null 2>"$T_TMP/bad"
is "$?" 2 "a bad port is a usage error"
POLYAGENT_WORKERS=0 "$POLYAGENT" serve >/dev/null 2>"$T_TMP/bad"
is "$?" 2 "a bad worker count is a usage error"
like "$(cat "$T_TMP/bad")" "workers: '0' must be a number from 1 to 256" "and says the range"
done_testing
