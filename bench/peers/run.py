#!/usr/bin/env python3
"""bench/peers/run.py — per-run latency, throughput and memory of the peers.

Measures, in one run, `print(1)` on:

  process per run   native `python3.11 -I -S -c`; `polyagent run -c` (our CLI:
                    sandboxed child from the snapshot), fresh and in a
                    session; Node WASI running our python.wasm (`node
                    node_wasi.mjs --code`); interleaved round by round so
                    that machine noise hits all alike
  inside a process  Node WASI: new instance per run, and one warm instance;
                    Pyodide: loadPyodide per run, and runPython in a warm one
  throughput        fresh runs/s with one runner per core, for each of the above
                    that starts fresh
  memory            private memory per idle interpreter after `x = 1`: native
                    (one process each), Node WASI and Pyodide (process growth
                    over N live instances / N)

Runs that take long get a time budget instead of a count (--budget): the
count actually used is in the results.  Our C API and HTTP numbers come from
bench/snapshot and bench/service; bench/report.py puts them side by side.

Writes bench/results/peers.json.
Run with the system python:  /usr/bin/python3 bench/peers/run.py [options]
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from common import node_cmd, node_version, pct, pyodide_version  # noqa: E402


def stats(ms):
    return {"runs": len(ms), "p50_ms": round(pct(ms, .5), 4), "p99_ms": round(pct(ms, .99), 4),
            "mean_ms": round(sum(ms) / len(ms), 4)}


def run_checked(cmd, env=None, want=b"1"):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    dt = (time.perf_counter() - t) * 1000
    if r.returncode != 0 or (want is not None and r.stdout.strip() != want):
        sys.exit("peers/run.py: %s failed (status %d): %r %r" % (cmd, r.returncode, r.stdout[-200:], r.stderr[-400:]))
    return dt


def node_json(cmd, timeout):
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        sys.exit("peers/run.py: %s failed (status %d): %s" % (" ".join(cmd[:4]), r.returncode, r.stderr[-400:]))
    return json.loads(r.stdout.strip().splitlines()[-1])


def private_kb(pid):
    """Private (unshared) resident memory of a process, from smaps_rollup."""
    kb = 0
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                kb += int(line.split()[1])
    return kb


def parallel_for(seconds, make_one):
    """Fresh runs/s with one runner thread per core, each calling make_one()."""
    counts = [0] * (os.cpu_count() or 1)
    end = time.perf_counter() + seconds

    def loop(i):
        while time.perf_counter() < end:
            make_one()
            counts[i] += 1
    t0 = time.perf_counter()
    ts = [threading.Thread(target=loop, args=(i,)) for i in range(len(counts))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(counts) / (time.perf_counter() - t0)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"), help="build directory (default build/)")
    p.add_argument("--native", default="/usr/bin/python3.11")
    p.add_argument("--lib", default=os.path.join(ROOT, "build", "bench", "lib"),
                   help="directory Node WASI preopens as /lib (made by bench/run.py)")
    p.add_argument("--runs", type=int, default=1000, help="runs per latency row (default 1000)")
    p.add_argument("--budget", type=float, default=25.0,
                   help="seconds a slow latency row may take; its run count shrinks to fit, down to --min-runs (default 25)")
    p.add_argument("--min-runs", type=int, default=20, help="fewest runs of a slow row (default 20)")
    p.add_argument("--throughput-seconds", type=float, default=5.0, help="seconds per throughput row (default 5)")
    p.add_argument("--results-dir", default=os.path.join(ROOT, "bench", "results"))
    a = p.parse_args()

    node = node_cmd()
    wasi = node + [os.path.join(HERE, "node_wasi.mjs"), "--lib", a.lib, "--wasm",
                   os.path.join(a.build, "guest", "python.wasm")]
    pyo = node + [os.path.join(HERE, "pyodide_run.mjs")]
    pa = os.path.join(a.build, "polyagent")
    state = tempfile.mkdtemp(prefix="pa-peers-")
    env = dict(os.environ, POLYAGENT_STATE_DIR=state)
    procs = {
        "native": [a.native, "-I", "-S", "-c", "print(1)"],
        "polyagent_cli": [pa, "run", "-c", "print(1)"],
        "polyagent_cli_session": [pa, "run", "--session", "b", "-c", "print(x)"],
        "node_wasi_process": wasi + ["--code", "print(1)"],
    }
    res = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "cpus": os.cpu_count(), "node": node_version(), "pyodide": pyodide_version()}
    if not res["node"] or not res["pyodide"]:
        sys.exit("peers/run.py: node and a complete pyodide in bench/peers are needed (bench/run.py runs npm ci there)")

    # --- latency, process per run: interleaved rounds; slow rows drop out of
    # the rounds once they have spent their budget.
    print("== latency: process per run", flush=True)
    run_checked([pa, "run", "--session", "b", "-c", "x = 1\nprint(x)"], env)
    for cmd in procs.values():  # warm-up: polyagent builds its base image, caches fill
        run_checked(cmd, env)
    lat = {k: [] for k in procs}
    spent = {k: 0.0 for k in procs}
    for i in range(a.runs):
        for k in (list(procs) if i % 2 == 0 else list(procs)[::-1]):
            if len(lat[k]) >= a.min_runs and spent[k] > a.budget * 1000:
                continue
            dt = run_checked(procs[k], env)
            lat[k].append(dt)
            spent[k] += dt
        if i % 100 == 99:
            print("  %d rounds" % (i + 1), flush=True)
    latency = {k: stats(v) for k, v in lat.items()}

    # --- latency inside one process.
    print("== latency: inside one Node process", flush=True)

    def in_process(cmd, mode):
        probe = node_json(cmd + ["--" + mode, "3", "--code", "print(1)"], 600)["ms"]
        n = a.runs
        if mode == "fresh":  # budgeted: a fresh Pyodide takes seconds
            n = max(a.min_runs, min(a.runs, int(a.budget * 1000 / max(min(probe), 0.001))))
        return stats(node_json(cmd + ["--" + mode, str(n), "--code", "print(1)"], 900)["ms"])
    latency["node_wasi_fresh_instance"] = in_process(wasi, "fresh")
    latency["node_wasi_warm_instance"] = in_process(wasi, "warm")
    latency["pyodide_fresh_interpreter"] = in_process(pyo, "fresh")
    latency["pyodide_warm_runpython"] = in_process(pyo, "warm")
    res["latency"] = latency

    # --- throughput: fresh runs/s, one runner per core.
    print("== throughput (%g s each)" % a.throughput_seconds, flush=True)
    thr = {}
    for k, cmd in procs.items():
        if k == "polyagent_cli_session":  # calls in one session are serialized: not a fresh run
            continue
        thr[k] = parallel_for(a.throughput_seconds, lambda cmd=cmd: run_checked(cmd, env))

    def node_for(cmd):
        outs = [None] * (os.cpu_count() or 1)

        def one(i):
            outs[i] = node_json(cmd + ["--for", str(a.throughput_seconds), "--code", "print(1)"], 600)
        ts = [threading.Thread(target=one, args=(i,)) for i in range(len(outs))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return sum(o["runs"] / o["seconds"] for o in outs)
    thr["node_wasi_fresh_instance"] = node_for(wasi)
    thr["pyodide_fresh_interpreter"] = node_for(pyo)
    res["throughput_per_s"] = {k: round(v, 1) for k, v in thr.items()}

    # --- memory per idle interpreter.
    print("== memory", flush=True)
    mem = {}
    kb = []
    for _ in range(3):
        pr = subprocess.Popen([a.native, "-I", "-S", "-c", "x = 1\nprint(1, flush=True)\nimport sys\nsys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        pr.stdout.readline()
        kb.append(private_kb(pr.pid))
        pr.stdin.close()
        pr.wait()
    mem["native_process"] = {"kb": min(kb), "how": "private memory of an idle python3.11 process"}
    w = node_json(wasi + ["--idle", "20"], 600)
    mem["node_wasi_instance"] = {"kb": w["rss_kb_per_instance"], "how": "RSS growth of one Node over 20 live instances / 20"}
    y = node_json(pyo + ["--idle", "5"], 600)
    mem["pyodide_interpreter"] = {"kb": y["rss_kb_per_instance"], "how": "RSS growth of one Node over 5 live interpreters / 5"}
    res["memory"] = mem
    subprocess.run(["rm", "-rf", state])

    os.makedirs(a.results_dir, exist_ok=True)
    with open(os.path.join(a.results_dir, "peers.json"), "w") as f:
        json.dump(res, f, indent=2)
        f.write("\n")
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
