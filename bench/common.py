"""bench/common.py — the few helpers every bench script needs, in one place.

The scripts run as plain files (`python3 bench/x/run.py`), so they put
bench/ on sys.path before importing this.
"""
import json
import os
import subprocess

PEERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers")


def pct(values, q):
    """The q-quantile (0..1) of values, nearest rank."""
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * q))]


def node_version():
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() or None
    except OSError:
        return None


def node_cmd():
    """How to start Node for the peers.  --expose-gc: node_wasi.mjs collects
    between fresh instances (see there).  Node 18 (Debian 12's own) still
    hides node:wasi behind a flag, which Node 20 accepts and ignores."""
    cmd = ["node", "--no-warnings", "--expose-gc"]
    v = node_version() or ""
    if v.startswith("v") and v[1:].split(".")[0].isdigit() and int(v[1:].split(".")[0]) < 20:
        cmd.append("--experimental-wasi-unstable-preview1")
    return cmd


def pyodide_version():
    """The version of a complete Pyodide in bench/peers/node_modules, else
    None (a half-installed one, e.g. without its .wasm, counts as none)."""
    pkg = os.path.join(PEERS, "node_modules", "pyodide")
    try:
        with open(os.path.join(pkg, "package.json")) as f:
            version = json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return None
    need = ("pyodide.asm.wasm", "pyodide.asm.js", "python_stdlib.zip", "pyodide.mjs")
    return version if all(os.path.exists(os.path.join(pkg, n)) for n in need) else None
