#!/usr/bin/env python3
"""bench/run.py — every benchmark in one run, one report (what `make bench` runs).

Steps, in this order, each timed:

  prepare   `npm ci` in bench/peers when its node_modules does not hold the
            pinned Pyodide; build/bench/lib, the directory Node's WASI
            preopens as /lib (our stdlib zip under the name the guest looks
            for, and the time zone zip)
  compute   bench/compute/run.py    12 programs: native, ours, Node WASI, Pyodide
  snapshot  bench/snapshot/run.py   our C API: fresh from snapshot, sessions, memory
  service   bench/service/run.py    our HTTP API: fresh and session, c1 and c64
  peers     bench/peers/run.py      process per run (native, our CLI, Node WASI),
                                    Node WASI and Pyodide inside one process,
                                    throughput and memory of the peers
  report    bench/report.py         summary.json, summary.md, charts, README

The build (build/polyagent, build/bench_snapshot, build/guest) must exist:
`make bench` makes it first.  --quick shrinks every step to a smoke run
(a couple of minutes) and writes to build/bench/results-quick, leaving
bench/results and the README alone.

Run with the system python:  /usr/bin/python3 bench/run.py [--quick] [--build DIR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(HERE, "peers")
sys.path.insert(0, HERE)
from common import pyodide_version  # noqa: E402


def pinned_pyodide():
    with open(os.path.join(PEERS, "package-lock.json")) as f:
        return json.load(f)["packages"]["node_modules/pyodide"]["version"]


def prepare(build):
    for tool in ("node", "npm", "gnuplot"):
        if not shutil.which(tool):
            sys.exit("bench/run.py: %s is missing (scripts/setup_bench_deps.sh installs it)" % tool)
    if pyodide_version() != pinned_pyodide():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEERS, check=True)
        if pyodide_version() != pinned_pyodide():
            sys.exit("bench/run.py: npm ci did not install pyodide %s" % pinned_pyodide())
    # Node's WASI follows no symlink out of a preopen: real copies, refreshed
    # only when the build's zips change.
    lib = os.path.join(build, "bench", "lib")
    os.makedirs(lib, exist_ok=True)
    for src, dst in (("stdlib.zip", "python311.zip"), ("tzdata.zip", "tzdata.zip")):
        s, d = os.path.join(build, "guest", src), os.path.join(lib, dst)
        if not os.path.exists(s):
            sys.exit("bench/run.py: %s is missing: build first (make bench does)" % s)
        if not os.path.exists(d) or os.path.getmtime(d) < os.path.getmtime(s):
            shutil.copyfile(s, d)
    return lib


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"), help="build directory (default build/)")
    p.add_argument("--quick", action="store_true", help="a smoke run: small counts, results in build/bench/results-quick")
    p.add_argument("--only", default="compute,snapshot,service,peers",
                   help="comma-separated steps to run before the report (default all)")
    a = p.parse_args()
    build = os.path.abspath(a.build)
    results = os.path.join(build, "bench", "results-quick") if a.quick else os.path.join(HERE, "results")
    py = sys.executable
    t0 = time.perf_counter()
    lib = prepare(build)
    steps = {
        "compute": [py, os.path.join(HERE, "compute", "run.py"), "--polyagent", os.path.join(build, "polyagent"),
                    "--wasm", os.path.join(build, "guest", "python.wasm"), "--lib", lib, "--results-dir", results]
                   + (["--repeat", "1", "--peer-repeat", "1", "--only", "nbody,regex"] if a.quick else []),
        "snapshot": [py, os.path.join(HERE, "snapshot", "run.py"), "--build", build, "--results-dir", results]
                    + (["--runs", "200", "--disk-sessions", "1000"] if a.quick else []),
        "service": [py, os.path.join(HERE, "service", "run.py"), "--build", build, "--results-dir", results]
                   + (["--requests", "500"] if a.quick else []),
        "peers": [py, os.path.join(PEERS, "run.py"), "--build", build, "--lib", lib, "--results-dir", results]
                 + (["--runs", "50", "--budget", "5", "--min-runs", "3", "--throughput-seconds", "2"] if a.quick else []),
    }
    wanted = [s.strip() for s in a.only.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in steps]
    if unknown:
        p.error("unknown step(s): %s (have: %s)" % (", ".join(unknown), ", ".join(steps)))
    took = {}
    for name in steps:
        if name not in wanted:
            continue
        print("\n==== bench: %s" % name, flush=True)
        t = time.perf_counter()
        r = subprocess.run(steps[name])
        took[name] = round(time.perf_counter() - t, 1)
        if r.returncode != 0:
            sys.exit("bench/run.py: step %s failed (status %d)" % (name, r.returncode))
    report = [py, os.path.join(HERE, "report.py"), "--results-dir", results, "--step-seconds", json.dumps(took)]
    if not a.quick:
        report += ["--readme", os.path.join(ROOT, "README.md")]
    print("\n==== bench: report", flush=True)
    subprocess.run(report, check=True)
    print("\nbench: %s in %.0f s (%s)" % (os.path.relpath(results, os.getcwd()), time.perf_counter() - t0,
                                          ", ".join("%s %.0f s" % kv for kv in took.items())))


if __name__ == "__main__":
    main()
