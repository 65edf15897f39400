#!/bin/bash
# The agent layer against a stand-in OpenAI-compatible server (fake_llm.py):
# the seed's three examples, a session across two queries, and every kind of
# provider failure giving a clear error and no hang.
. "$(dirname "$0")/../cli/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"
/usr/bin/python3 "$(dirname "$0")/fake_llm.py" "$T_TMP/llm.port" 2>"$T_TMP/llm.err" &
LLM=$!
for _ in $(seq 100); do [ -s "$T_TMP/llm.port" ] && break; sleep 0.05; done
export POLYAGENT_LLM_URL="http://127.0.0.1:$(cat "$T_TMP/llm.port")/v1" POLYAGENT_LLM_MODEL=stand-in
export POLYAGENT_LLM_API_KEY=test-key POLYAGENT_LLM_TIMEOUT_SECONDS=1
"$POLYAGENT" serve --listen 127.0.0.1:0 --workers 1 >"$T_TMP/serve.out" 2>"$T_TMP/serve.err" &
SERVER=$!
trap 'kill $SERVER $LLM 2>/dev/null; wait $SERVER $LLM 2>/dev/null; rm -rf "$T_TMP"' EXIT
for _ in $(seq 100); do grep -q listening "$T_TMP/serve.out" 2>/dev/null && break; sleep 0.1; done
export POLYAGENT_SERVER=$(sed -n 's/^listening on //p' "$T_TMP/serve.out")
ask() {  # QUERY [SESSION] -> $CODE, $BODY
    local body
    body=$(/usr/bin/python3 -c 'import json,sys; d={"query": sys.argv[1]}; len(sys.argv) > 2 and d.update(session_id=sys.argv[2]); print(json.dumps(d))' "$@")
    BODY=$(curl -s -m 60 -w '\n%{http_code}' -H 'Content-Type: application/json' -d "$body" "$POLYAGENT_SERVER/agent/query")
    CODE=${BODY##*$'\n'}
    BODY=${BODY%$'\n'*}
}
j() { printf '%s' "$BODY" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

ask "Execute Python code to print Hello"
is "$CODE $(j 'd["answered_by"]')" "200 model" "a natural-language query goes to the model"
like "$(j 'd["result"]')" "Hello, PolyAgent!" "seed example 1: the answer has Hello, PolyAgent!"
is "$(j 'd["tool_calls"][0]["parameters"]["code"]')" "print('Hello, PolyAgent!')" "the executed code is in tool_calls"
ask "Execute Python code to calculate factorial of 10"
like "$(j 'd["result"]')" "3628800" "seed example 2: factorial of 10"
ask "Use Python to generate the first 20 Fibonacci numbers"
like "$(j 'd["result"]')" "0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181" \
     "seed example 3: the first 20 Fibonacci numbers"
ask "store the data in a variable" agent-s
ask "now the mean of data" agent-s
is "$(j 'd["result"]')" "The code printed: 3" "a session across two queries"
ask "malformed: factorial of 10"
is "$CODE $(j 'd["result"]'), $(j 'len(d["tool_calls"])')" "200 The code printed: 3628800, 1" \
   "malformed tool arguments are fed back and the model recovers"
ask "ratelimit: factorial of 10"
is "$CODE $(j 'd["result"]')" "200 The code printed: 3628800" "a 429 is retried, then it works"
start=$(date +%s)
ask "broken: factorial"
is "$CODE $(j 'd["error"]["code"]')" "502 model_provider_error" "a provider that keeps failing: 502"
like "$(j 'd["error"]["message"]')" "HTTP 500" "the message says what the provider did"
ask "slow: factorial"
is "$CODE $(j 'd["error"]["code"]')" "502 model_provider_error" "a provider that never answers: 502, no hang"
like "$(j 'd["error"]["message"]')" "did not answer" "the message says it timed out"
between "$(( $(date +%s) - start ))" 0 30 "both failures came back within the retry budget"
ask "What is a closure?"
is "$(j 'd["result"], len(d["tool_calls"]), d["execution"]')" "I can answer that without code. 0 None" "an answer without running code"
# Streaming: the steps as they happen, then the answer.
/usr/bin/python3 - "$POLYAGENT_SERVER" >"$T_TMP/events" <<'PY'
import http.client, json, sys
host, port = sys.argv[1].split("//")[1].split(":")
c = http.client.HTTPConnection(host, int(port), timeout=60)
c.request("POST", "/agent/query", body=json.dumps({"query": "calculate factorial of 10"}),
          headers={"Content-Type": "application/json", "Accept": "text/event-stream"})
r = c.getresponse()
event = None
for raw in r:
    line = raw.decode().rstrip("\n")
    if line.startswith("event: "):
        event = line[7:]
    elif line.startswith("data: "):
        d = json.loads(line[6:])
        detail = {"model_step": lambda: d["step"], "tool_call": lambda: d["parameters"]["code"].splitlines()[0],
                  "stdout": lambda: d.strip(), "tool_result": lambda: d["status"],
                  "answer": lambda: d["result"]}.get(event, lambda: d)()
        print(event, detail)
PY
is "$(cat "$T_TMP/events")" "model_step 1
tool_call import math
stdout 3628800
tool_result ok
model_step 2
answer The code printed: 3628800" "Accept: text/event-stream on /agent/query streams model steps, tool calls, output, results, the answer"

ask "Execute Python: print(6 * 7)"
is "$(j 'd["answered_by"], d["result"].strip()')" "code 42" "direct code still bypasses the model"
pa submit "Use Python to generate the first 20 Fibonacci numbers"
like "$(cat "$T_OUT")" "4181" "polyagent submit prints the model's answer"
! grep -q test-key "$T_TMP/serve.err"
is "$?" 0 "the API key is never logged"
done_testing
