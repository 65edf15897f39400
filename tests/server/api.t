#!/bin/bash
# The HTTP service end to end: a real `polyagent serve` on a free loopback
# port, real HTTP with curl, exact JSON.
. "$(dirname "$0")/../cli/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"
unset POLYAGENT_LLM_URL POLYAGENT_LLM_MODEL  # no model: natural language is 501
KEY=sekret-token
POLYAGENT_API_KEY=$KEY "$POLYAGENT" serve --listen 127.0.0.1:0 --workers 2 --queue-max 4 \
    >"$T_TMP/serve.out" 2>"$T_TMP/serve.err" &
SERVER=$!
trap 'kill -9 $SERVER 2>/dev/null; rm -rf "$T_TMP"' EXIT
for _ in $(seq 100); do grep -q listening "$T_TMP/serve.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$T_TMP/serve.out")
like "$PORT" '^[0-9]+$' "the service says where it listens"
U=http://127.0.0.1:$PORT

# req METHOD PATH [BODY [CONTENT-TYPE]] -> $CODE, body in $BODY
req() {
    local ct=${4:-application/json}
    BODY=$(curl -s -o - -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $KEY" \
        ${3:+-H "Content-Type: $ct" --data-binary "$3"} "$U$2")
    CODE=${BODY##*$'\n'}
    BODY=${BODY%$'\n'*}
}
j() { printf '%s' "$BODY" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

req GET /health
is "$CODE" 200 "/health answers"
is "$(j 'd["status"], d["isolation"]["seccomp"], d["isolation"]["no-new-privs"]')" "ok True True" "/health lists the isolation layers"
is "$(curl -s -o /dev/null -w '%{http_code}' "$U/health")" 200 "/health needs no key"

req POST /v1/execute '{"code": "print(6 * 7)"}'
is "$CODE" 200 "execute: 200"
is "$(j 'd["status"], repr(d["stdout"]), d["error"], d["session_id"]')" "ok '42\\n' None None" "execute: exact result"

req POST /v1/execute '{"code": "1/0"}'
is "$(j 'd["status"], d["exit_code"], d["error"]["type"]')" "error 1 ZeroDivisionError" "execute: an exception is a result, not an HTTP error"

req POST /v1/execute '{"code": "print(input())", "stdin": "from stdin"}'
is "$(j 'd["stdout"]')" "from stdin" "execute: stdin"

req POST /v1/execute '{"code": "while True: pass", "timeout_seconds": 1}'
is "$(j 'd["status"], d["error"]["type"], 1000 <= d["duration_ms"] < 1300')" "timeout Timeout True" "execute: timeout_seconds holds"

req POST /v1/tools/execute '{"tool": "python_executor", "parameters": {"code": "n = 41", "session_id": "s1"}}'
is "$(j 'd["status"], d["session_id"], d["session"]["origin"], d["session"]["calls"]')" "ok s1 created 1" "tool envelope with a session"
req POST /v1/execute '{"code": "n += 1\nprint(n)", "session_id": "s1"}'
is "$(j 'd["stdout"].strip(), d["session"]["calls"]')" "42 2" "the session keeps its variables"
req POST /v1/execute '{"code": "print(\"n\" in globals())"}'
is "$(j 'd["stdout"].strip()')" "False" "a fresh run does not see the session"

req POST /agent/query '{"query": "Execute Python: print(\"Hello, PolyAgent!\")"}'
is "$CODE" 200 "agent/query with direct code: 200"
is "$(j 'd["result"], d["tool_calls"][0]["tool"], d["tool_calls"][0]["parameters"]["code"], d["execution"]["status"]')" \
   "Hello, PolyAgent!
 python_executor print(\"Hello, PolyAgent!\") ok" "agent/query runs 'Execute Python:' code"
req POST /agent/query '{"query": "please run\n```python\nimport math\nprint(math.factorial(10))\n```\nthanks"}'
is "$(j 'd["result"].strip()')" "3628800" "agent/query runs a fenced python block"
req POST /agent/query '{"query": "What is the capital of France?"}'
is "$CODE" 501 "a natural-language query is 501 while no model is configured"
is "$(j 'd["error"]["code"]')" "not_implemented" "501 says why"

# errors: one shape, the right status, the field named
check_err() {  # METHOD PATH BODY STATUS CODE NAME [CONTENT-TYPE]
    req "$1" "$2" "$3" "${7:-}"
    is "$CODE $(j 'd["error"]["code"]' 2>/dev/null)" "$4 $5" "$6"
}
check_err POST /v1/execute '{"code": ' 400 invalid_json "invalid JSON is 400"
check_err POST /v1/execute '{"cod": "1"}' 400 invalid_field "an unknown field is 400"
check_err POST /v1/execute '{"code": 1}' 400 invalid_field "a wrong type is 400"
check_err POST /v1/execute '{}' 400 invalid_field "a missing code is 400"
check_err POST /v1/execute '{"code": "1", "timeout_seconds": 61}' 400 invalid_field "timeout out of range is 400, not clamped"
check_err POST /v1/execute '{"code": "1", "memory_limit_mb": 8}' 400 invalid_field "memory out of range is 400"
check_err POST /v1/execute '{"code": "1", "session_id": "../x"}' 400 invalid_field "a bad session id is 400"
check_err POST /v1/tools/execute '{"tool": "shell", "parameters": {}}' 400 unknown_tool "an unknown tool is 400"
like "$(j 'd["error"]["message"]')" "python_executor" "the unknown-tool message names the tools there are"
check_err POST /v1/execute '{"code": "1"}' 415 unsupported_media_type "a wrong Content-Type is 415" text/plain
check_err GET /v1/execute '' 405 method_not_allowed "GET on execute is 405"
check_err GET /nope '' 404 not_found "an unknown path is 404"
/usr/bin/python3 -c 'import json; print(json.dumps({"code": "#" + "x" * (1 << 20)}))' >"$T_TMP/big.json"
BODY=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    --data-binary @"$T_TMP/big.json" "$U/v1/execute")
CODE=${BODY##*$'\n'}
BODY=${BODY%$'\n'*}
is "$CODE $(j 'd["error"]["code"]')" "413 body_too_large" "a body over 1 MiB is 413"
is "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"code":"1"}' "$U/v1/execute")" 401 "no key: 401"
is "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' "$U/metrics")" 401 "a wrong key: 401"

# Streaming: events as output is produced, not at the end.
/usr/bin/python3 - "$PORT" "$KEY" >"$T_TMP/sse" <<'PY'
import http.client, json, sys, time
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
body = {"tool": "python_executor", "parameters": {"code": "import time\nprint('first', flush=True)\ntime.sleep(0.8)\nprint('second')"}}
t0 = time.monotonic()
c.request("POST", "/v1/tools/execute", body=json.dumps(body), headers={
    "Content-Type": "application/json", "Accept": "text/event-stream", "Authorization": "Bearer " + sys.argv[2]})
r = c.getresponse()
print(r.status, r.getheader("Content-Type"))
event = None
for raw in r:
    line = raw.decode().rstrip("\n")
    if line.startswith("event: "):
        event = line[7:]
    elif line.startswith("data: "):
        data = json.loads(line[6:])
        t = time.monotonic() - t0
        if event == "result":
            print("result", data["status"], repr(data["stdout"]), t > 0.75)
        else:
            print(event, repr(data), t < 0.6)
PY
is "$(cat "$T_TMP/sse")" "200 text/event-stream
stdout 'first\n' True
stdout 'second\n' False
result ok 'first\nsecond\n' True" "Accept: text/event-stream streams stdout as produced, then the result"

# Event sizes at the buffer's edges (a 4072-byte write once overflowed it by one).
for n in 4071 4072 4073 8168; do
    out=$(curl -sN -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -H 'Accept: text/event-stream' \
        -d "{\"code\": \"import sys\\nsys.stdout.write('a' * $n)\\nsys.stdout.flush()\"}" "$U/v1/execute" |
        sed -n 's/^data: //p' | tail -1 | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["stdout"]))')
    is "$out" "$n" "a $n-byte event streams whole"
done

req GET /v1/sessions
is "$CODE $(j 'sorted(x["id"] for x in d["sessions"]), all(x["disk_bytes"] > 0 for x in d["sessions"])')" "200 ['s1'] True" "GET /v1/sessions lists them"
req GET /v1/sessions/s1
is "$(j 'd["id"], d["calls"], d["disk_bytes"] > 0')" "s1 2 True" "GET /v1/sessions/ID describes one"
req GET /v1/sessions/nope
is "$CODE $(j 'd["error"]["code"]')" "404 not_found" "an unknown session is 404"
req DELETE /v1/sessions/s1
is "$CODE $(j 'd["deleted"]')" "200 True" "DELETE /v1/sessions/ID deletes it"
req DELETE /v1/sessions/s1
is "$CODE" 404 "deleting it again is 404"
req POST /v1/execute '{"code": "print(\"n\" in globals())", "session_id": "s1"}'
is "$(j 'd["stdout"].strip(), d["session"]["origin"]')" "False created" "after DELETE the id starts a new session (the live copy is gone too)"

# Files in a session's /tmp.
head -c 5000 /dev/urandom >"$T_TMP/blob"
fcurl() { curl -s -w '\n%{http_code}' -H "Authorization: Bearer $KEY" "$@"; }
r=$(fcurl -X PUT --data-binary @"$T_TMP/blob" "$U/v1/sessions/f1/files/in/blob.bin")
is "${r##*$'\n'}" 200 "PUT a file into a session"
curl -s -H "Authorization: Bearer $KEY" -o "$T_TMP/blob2" "$U/v1/sessions/f1/files/in/blob.bin"
ok "GET gives the same bytes back" cmp -s "$T_TMP/blob" "$T_TMP/blob2"
req POST /v1/execute '{"code": "import os\nprint(os.path.getsize(\"/tmp/in/blob.bin\"), [k for k in globals() if not k.startswith(\"__\")])", "session_id": "f1"}'
is "$(j 'd["stdout"].strip()')" "5000 ['os']" "the program sees it; the file calls left no names in its globals"
req GET /v1/sessions/f1/files
is "$(j 'd["files"]')" "[{'path': 'in/blob.bin', 'bytes': 5000}]" "GET .../files lists them"
req DELETE /v1/sessions/f1/files/in/blob.bin
is "$CODE" 200 "DELETE a file"
req GET /v1/sessions/f1/files/in/blob.bin
is "$CODE $(j 'd["error"]["code"]')" "404 not_found" "a missing file is 404"
r=$(fcurl -X PUT --data-binary x "$U/v1/sessions/f1/files/a%20b")
is "${r##*$'\n'}" 400 "a path outside the plain set is 400"
r=$(fcurl --path-as-is -X PUT --data-binary x "$U/v1/sessions/f1/files/a/./b")
is "${r##*$'\n'}" 400 "a . component is 400"
req POST /v1/execute '{"code": "print(open(\"/tmp/in/blob.bin\", \"rb\").read()[:1])", "session_id": "other"}'
is "$(j 'd["error"]["type"]')" "FileNotFoundError" "another session does not see the file"

req GET /metrics
is "$CODE" 200 "/metrics answers"
like "$BODY" 'polyagent_executions_total\{status="ok"\} [1-9]' "metrics count runs by status"
like "$BODY" 'polyagent_execution_duration_ms_count [1-9]' "metrics have the duration histogram"
like "$BODY" 'polyagent_busy_workers 0' "metrics show busy workers"

# SIGTERM: stop accepting, finish what runs, exit 0.
curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"code": "import time\ntime.sleep(1)\nprint(\"finished\")"}' "$U/v1/execute" >"$T_TMP/inflight" &
CURL=$!
# A client already connected (keep-alive) when the signal comes gets 503.
/usr/bin/python3 - "$PORT" "$KEY" "$T_TMP/go" >"$T_TMP/late" <<'PY' &
import http.client, json, os, sys, time
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
c.request("GET", "/health")
c.getresponse().read()
print("connected", flush=True)
while not os.path.exists(sys.argv[3]):
    time.sleep(0.02)
c.request("POST", "/v1/execute", body=json.dumps({"code": "print(1)"}),
          headers={"Content-Type": "application/json", "Authorization": "Bearer " + sys.argv[2]})
r = c.getresponse()
print(r.status, json.loads(r.read())["error"]["code"])
PY
LATE=$!
for _ in $(seq 100); do grep -q connected "$T_TMP/late" && break; sleep 0.05; done
sleep 0.2
kill -TERM $SERVER
sleep 0.1
touch "$T_TMP/go"
wait $LATE
is "$(tail -1 "$T_TMP/late")" "503 shutting_down" "SIGTERM: a request that arrives meanwhile gets 503"
wait $SERVER
is "$?" 0 "SIGTERM: the service exits 0"
wait $CURL
is "$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["stdout"].strip())' "$T_TMP/inflight")" \
   "finished" "SIGTERM: the run in flight finished and was answered"
is "$(pgrep -f "polyagent worker" -P $SERVER | wc -l)" 0 "no worker is left behind"
done_testing
