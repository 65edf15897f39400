#!/usr/bin/env bash
# scripts/serve.sh BINARY — start PolyAgent.
# The HTTP service (`polyagent serve`) is its own issue and not built yet; until
# it lands this proves the engine is ready and shows how to use the CLI.
set -euo pipefail
bin=${1:-build/polyagent}
if "$bin" serve --help >/dev/null 2>&1; then
    exec "$bin" serve
fi
echo "PolyAgent engine is built: $bin"
echo "The HTTP service is not implemented yet; use the CLI:"
echo "  $bin run -c \"print('Hello, PolyAgent!')\""
"$bin" run -c "print('Hello, PolyAgent!')"
echo "Sessions keep state between runs:"
echo "  $bin run --session demo -c \"n = 41\"; $bin run --session demo -c \"print(n + 1)\""
"$bin" run --session serve-demo -c "n = 41"
"$bin" run --session serve-demo -c "print(n + 1)"
