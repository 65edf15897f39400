#!/usr/bin/env bash
# Install what `make bench` needs beyond the build: Node.js (its built-in WASI
# runs our python.wasm; npm installs the pinned Pyodide) and gnuplot (charts).
# Debian 12's own packages only; a Node already on the machine is used as is.
set -euo pipefail
pkgs=(gnuplot-nox python3.11)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup_bench_deps: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Pyodide 0.25 needs Node 18+; on Node 18 node:wasi needs a flag, which
# bench/common.py's node_cmd() adds (only Node 20 has been run here).
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 18 ] || { echo "setup_bench_deps: Node $major is too old (need 18+)" >&2; exit 1; }
