#!/bin/bash
# `polyagent submit` and scripts/submit_task.sh against a real service.
. "$(dirname "$0")/../cli/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"
unset POLYAGENT_LLM_URL POLYAGENT_LLM_MODEL  # no model: natural language is 501
"$POLYAGENT" serve --listen 127.0.0.1:0 --workers 1 >"$T_TMP/serve.out" 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$T_TMP"' EXIT
for _ in $(seq 100); do grep -q listening "$T_TMP/serve.out" 2>/dev/null && break; sleep 0.1; done
export POLYAGENT_SERVER=$(sed -n 's/^listening on //p' "$T_TMP/serve.out")

pa submit "Execute Python: print('Hello, PolyAgent!')"
is "$RC $(cat "$T_OUT")" "0 Hello, PolyAgent!" "submit prints the program's output"
pa submit 'execute python: import math; print(math.factorial(10))'
is "$(cat "$T_OUT")" "3628800" "the prefix is case-insensitive"
# The seed's session example, verbatim.
pa submit "Execute Python: data = [1, 2, 3, 4, 5]" --session seed
pa submit "Execute Python: import statistics; print(statistics.mean(data))" --session seed
is "$(cat "$T_OUT")" "3" "the seed's two-call session example"
pa submit "Execute Python: n = 7" --session demo
pa submit "Execute Python: print(n * 6)" --session demo
is "$(cat "$T_OUT")" "42" "--session keeps state between submits"
pa submit "Execute Python: import sys; print('oops', file=sys.stderr); sys.exit(3)"
is "$RC $(cat "$T_ERR")" "3 oops" "stderr and the exit status come through"
pa submit "Execute Python: 1/0"
is "$RC" 1 "an exception exits 1"
like "$(cat "$T_ERR")" "ZeroDivisionError: division by zero" "with the traceback on stderr"
pa submit "What is the meaning of life?"
is "$RC" 1 "a natural-language task fails while no model is configured"
like "$(cat "$T_ERR")" "HTTP 501: natural-language queries need a model: set POLYAGENT_LLM_URL" "and says which settings to set"
pa submit "Execute Python: print(1)" --server http://127.0.0.1:1
is "$RC" 1 "no service: exit 1"
like "$(cat "$T_ERR")" "cannot reach http://127.0.0.1:1" "no service: says so"
pa submit
is "$RC" 2 "no task: usage error"
out=$("$T_ROOT/scripts/submit_task.sh" "Execute Python: print(2 + 2)")
is "$out" "4" "scripts/submit_task.sh, the seed's entry point"
done_testing
