#!/usr/bin/env python3
"""bench/snapshot/run.py — snapshot and session latency, throughput, memory.

Runs, in one go, on a throw-away state directory:

  build/bench_snapshot   the C API numbers (cold vs fresh-from-snapshot,
                         sessions, throughput on all cores, memory per idle
                         session, 100 000 sessions on disk)

The CLI (a process per run) is measured with the peers, interleaved with
native python3.11 and Node: bench/peers/run.py.

and writes bench/results/snapshot.json and snapshot.md.

Run with the system python:  /usr/bin/python3 bench/snapshot/run.py [options]
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"), help="build directory (default build/)")
    p.add_argument("--runs", type=int, default=2000, help="C API runs per measure (default 2000)")
    p.add_argument("--disk-sessions", type=int, default=100000, help="sessions written to disk (default 100000)")
    p.add_argument("--results-dir", default=os.path.join(ROOT, "bench", "results"))
    a = p.parse_args()

    state = tempfile.mkdtemp(prefix="pa-bench-")
    try:
        out = os.path.join(state, "capi.json")
        print("== C API (bench_snapshot)", flush=True)
        subprocess.run([os.path.join(a.build, "bench_snapshot"), os.path.join(state, "capi"), out,
                        str(a.runs), str(a.disk_sessions)], check=True)
        with open(out) as f:
            capi = json.load(f)

    finally:
        shutil.rmtree(state, ignore_errors=True)

    res = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "kernel": platform.release()},
        "capi": capi,
    }
    rows = [
        ("C API: cold start + print(1) (baseline)", capi["cold_new_exec"]),
        ("C API: fresh from snapshot (reset + print(1))", capi["fresh_reset_exec"]),
        ("C API: warm session call, saved to disk", capi["session_warm_exec_saved"]),
        ("C API: session restored from its file + call", capi["session_restore_exec_saved"]),
        ("C API: 1 of %d on-disk sessions restored + call" % capi["disk_sessions"], capi["disk_restore_exec"]),
    ]
    md = ["| print(1) | p50 ms | p99 ms |", "|---|---:|---:|"]
    md += ["| %s | %.3f | %.3f |" % (n, s["p50_ms"], s["p99_ms"]) for n, s in rows]
    md += [
        "",
        "| other | value |", "|---|---:|",
        "| fresh vs cold start, p50 | %.0fx faster |" % (capi["cold_new_exec"]["p50_ms"] / capi["fresh_reset_exec"]["p50_ms"]),
        "| fresh executions/s, all %d cores | %.0f |" % (os.cpu_count(), capi["fresh_execs_per_s_all_cores"]),
        "| idle session after `x = 1`: private memory (process delta / %d live) | %.0f KiB |" % (
            capi["live_sessions"], capi["idle_session_private_kb"]),
        "| idle session: session file | %.0f KiB |" % capi["session_file_kb"],
        "| %d sessions on disk: list all | %.0f ms |" % (capi["disk_sessions"], capi["disk_list_ms"]),
    ]
    text = "\n".join(md) + "\n"
    print()
    print(text)
    os.makedirs(a.results_dir, exist_ok=True)
    with open(os.path.join(a.results_dir, "snapshot.json"), "w") as f:
        json.dump(res, f, indent=2)
        f.write("\n")
    with open(os.path.join(a.results_dir, "snapshot.md"), "w") as f:
        f.write("# Snapshots and sessions (%s, %d cores)\n\n" % (res["date"], os.cpu_count()))
        f.write(text)


if __name__ == "__main__":
    main()
