#!/usr/bin/env bash
# scripts/setup_python_wasi.sh — the seed's name for building the guest:
# CPython for wasm32-wasi from the pinned Debian sources (cached by content).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_deps.sh
exec make guest
