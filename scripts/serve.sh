#!/usr/bin/env bash
# scripts/serve.sh BINARY — start the PolyAgent service (settings from the
# environment: POLYAGENT_LISTEN, POLYAGENT_WORKERS, POLYAGENT_API_KEY, ...;
# see `polyagent --help`).
set -euo pipefail
bin=${1:-build/polyagent}
echo "PolyAgent: try  curl -s -H 'Content-Type: application/json' -d '{\"code\": \"print(2 + 2)\"}' http://${POLYAGENT_LISTEN:-127.0.0.1:8000}/v1/execute" >&2
exec "$bin" serve
