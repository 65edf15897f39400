#!/usr/bin/env python3
"""bench/compute/run.py — compute benchmarks: native CPython vs polyagent and its peers.

For every program in bench/compute/ (all *.py except this file) it runs, for
each side asked for with --sides (default: all four):

    native:     /usr/bin/python3.11 -I -S prog.py
    polyagent:  build/polyagent run prog.py --timeout 60
    node-wasi:  our python.wasm under Node's WASI (bench/peers/node_wasi.mjs)
    pyodide:    Pyodide in Node (bench/peers/pyodide_run.mjs)

--repeat times each (default 3; --peer-repeat for the two Node sides, which
are slow), interleaved (sides alternate program by program, and the order of
the sides reverses every round) so that machine noise hits all alike.  It
keeps the best wall time of each, checks that every side printed the same
"checksum:" line, and reports compute time = best wall time - best wall time
of an empty program on the same side, so start-up (18 ms for native python,
2.5 s for Pyodide) is not counted as compute.  Ratios are side / native, with
their geometric mean.  Writes results/compute.json and results/compute.md.

Run with the system python:  /usr/bin/python3 bench/compute/run.py [options]
"""
import argparse
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PEERS = os.path.join(ROOT, "bench", "peers")
sys.path.insert(0, os.path.join(ROOT, "bench"))
from common import node_cmd, node_version, pyodide_version  # noqa: E402
ALL_SIDES = ["native", "polyagent", "node-wasi", "pyodide"]
SLOW_SIDES = {"node-wasi", "pyodide"}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--polyagent", default=os.environ.get("POLYAGENT", os.path.join(ROOT, "build", "polyagent")),
                   help="polyagent binary (default: $POLYAGENT or build/polyagent)")
    p.add_argument("--native", default=os.environ.get("NATIVE_PYTHON", "/usr/bin/python3.11"),
                   help="native interpreter (default: $NATIVE_PYTHON or /usr/bin/python3.11)")
    p.add_argument("--sides", default=",".join(ALL_SIDES),
                   help="comma-separated sides to run (default: %s); native is always run" % ",".join(ALL_SIDES))
    p.add_argument("--wasm", default=os.path.join(ROOT, "build", "guest", "python.wasm"),
                   help="guest module for node-wasi (default build/guest/python.wasm)")
    p.add_argument("--lib", default=os.path.join(ROOT, "build", "bench", "lib"),
                   help="directory node-wasi preopens as /lib (python311.zip, tzdata.zip); "
                        "bench/run.py makes it")
    p.add_argument("--repeat", type=int, default=3, help="runs of each program on native and polyagent; the best counts (default 3)")
    p.add_argument("--peer-repeat", type=int, default=2, help="runs of each program on the Node sides (default 2)")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help="run only this program (name with or without .py; may be given several times or comma-separated)")
    p.add_argument("--results-dir", default=os.path.join(ROOT, "bench", "results"),
                   help="where compute.json and compute.md go (default bench/results)")
    p.add_argument("--run-timeout", type=float, default=120.0, help="outer limit in seconds for one run (default 120)")
    p.add_argument("--variant", action="append", default=[], metavar="NAME=BINARY",
                   help="also run another polyagent build as side NAME, interleaved with the rest: "
                        "before/after comparisons of build flags in one run (may be repeated)")
    p.add_argument("--list", action="store_true", help="list the programs and exit")
    a = p.parse_args()
    if a.repeat < 1 or a.peer_repeat < 1:
        p.error("--repeat and --peer-repeat must be at least 1")
    asked = [x.strip() for x in a.sides.split(",") if x.strip()]
    unknown = sorted(set(asked) - set(ALL_SIDES))
    if unknown:
        p.error("unknown side(s): %s (have: %s)" % (", ".join(unknown), ", ".join(ALL_SIDES)))
    a.sides = ["native"] + [s for s in ALL_SIDES[1:] if s in asked]
    a.variants = {}
    for v in a.variant:
        name, _, binary = v.partition("=")
        if not name or not binary or name in ALL_SIDES or name in a.variants:
            p.error("--variant wants NAME=BINARY with a new NAME, not %r" % v)
        a.variants[name] = os.path.abspath(binary)
        a.sides.append(name)
    return a


def programs(only):
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py")
    if not only:
        return names
    wanted = [w.strip()[:-3] if w.strip().endswith(".py") else w.strip() for o in only for w in o.split(",") if w.strip()]
    unknown = [w for w in wanted if w not in names]
    if unknown:
        sys.exit("run.py: unknown program(s): %s (have: %s)" % (", ".join(unknown), ", ".join(names)))
    return [n for n in names if n in wanted]


def checksum_of(stdout):
    lines = [l for l in stdout.splitlines() if l.startswith("checksum:")]
    return lines[-1].strip() if lines else None


def run_once(cmd, limit, want_checksum=True):
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"ok": False, "seconds": time.perf_counter() - t0, "error": "no result within %gs" % limit, "checksum": None}
    except OSError as e:
        return {"ok": False, "seconds": 0.0, "error": "cannot run %s: %s" % (cmd[0], e), "checksum": None}
    secs = time.perf_counter() - t0
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    cs = checksum_of(out)
    if r.returncode != 0:
        tail = err.strip().splitlines()[-1:] or [""]
        return {"ok": False, "seconds": secs, "error": "exit status %d: %s" % (r.returncode, tail[0]), "checksum": cs}
    if cs is None and want_checksum:
        return {"ok": False, "seconds": secs, "error": "no checksum line in the output", "checksum": None}
    return {"ok": True, "seconds": secs, "error": None, "checksum": cs}


def fmt(x, digits=3):
    return "-" if x is None else ("%.*f" % (digits, x))


def side_commands(a):
    polyagent = os.path.abspath(a.polyagent) if os.sep in a.polyagent else a.polyagent
    node = node_cmd()
    cmds = {
        "native": lambda prog: [a.native, "-I", "-S", prog],
        "polyagent": lambda prog: [polyagent, "run", prog, "--timeout", "60"],
        "node-wasi": lambda prog: node + [os.path.join(PEERS, "node_wasi.mjs"), "--lib", a.lib, "--wasm", a.wasm, "--file", prog],
        "pyodide": lambda prog: node + [os.path.join(PEERS, "pyodide_run.mjs"), "--file", prog],
    }
    for name, binary in a.variants.items():
        cmds[name] = lambda prog, binary=binary: [binary, "run", prog, "--timeout", "60"]
    return cmds


def main():
    a = parse_args()
    names = programs(a.only)
    if a.list:
        print("\n".join(names))
        return 0
    cmds = side_commands(a)
    sides = a.sides
    reps = {s: (a.peer_repeat if s in SLOW_SIDES else a.repeat) for s in sides}
    runs = {n: {s: [] for s in sides} for n in names}
    startup = {s: [] for s in sides}
    empty = os.path.join(a.results_dir, "empty.py.tmp")
    os.makedirs(a.results_dir, exist_ok=True)
    with open(empty, "w") as f:
        f.write("pass\n")
    for s in sides:  # once untimed: polyagent builds its base image, the OS caches files
        res = run_once(cmds[s](empty), a.run_timeout, want_checksum=False)
        if not res["ok"]:
            sys.exit("run.py: %s cannot run an empty program: %s" % (s, res["error"]))
    total_runs = sum(reps.values()) * (len(names) + 1)
    done = 0
    for rnd in range(max(reps.values())):
        order = [s for s in (sides if rnd % 2 == 0 else sides[::-1]) if rnd < reps[s]]
        for s in order:  # start-up alone, measured in the same rounds as the programs
            res = run_once(cmds[s](empty), a.run_timeout, want_checksum=False)
            if not res["ok"]:
                sys.exit("run.py: %s cannot run an empty program: %s" % (s, res["error"]))
            startup[s].append(res["seconds"])
            done += 1
        for n in names:
            prog = os.path.join(HERE, n + ".py")
            for s in order:
                res = run_once(cmds[s](prog), a.run_timeout)
                runs[n][s].append(res)
                done += 1
                print("[%d/%d] round %d %-16s %-9s %s" % (done, total_runs, rnd + 1, n, s,
                      fmt(res["seconds"]) + "s" if res["ok"] else "FAILED: " + res["error"]), file=sys.stderr, flush=True)
    os.unlink(empty)
    start = {s: min(startup[s]) for s in sides}

    results = []
    failures = 0
    for n in names:
        row = {"name": n, "sides": {}}
        problems = []
        for s in sides:
            rs = runs[n][s]
            good = [r["seconds"] for r in rs if r["ok"]]
            best = min(good) if good else None
            row["sides"][s] = {"best_wall_s": best, "compute_s": (best - start[s]) if best is not None else None,
                               "runs_s": [round(r["seconds"], 4) for r in rs]}
            problems += ["%s: %s" % (s, r["error"]) for r in rs if not r["ok"]]
        sums = {(s, r["checksum"]) for s in sides for r in runs[n][s] if r["checksum"]}
        distinct = sorted({c for _, c in sums})
        if len(distinct) > 1:
            problems.append("checksums differ: " + " | ".join("%s=%s" % (s, c) for s, c in sorted(sums)))
        row["checksum"] = distinct[0] if len(distinct) == 1 else None
        nat = row["sides"]["native"]["compute_s"]
        for s in sides:
            c = row["sides"][s]["compute_s"]
            row["sides"][s]["ratio"] = (c / nat) if c and nat and c > 0 and nat > 0 else None
        row["ok"] = not problems
        row["problems"] = sorted(set(problems))
        failures += bool(problems)
        results.append(row)

    geomean = {}
    for s in sides:
        ratios = [r["sides"][s]["ratio"] for r in results if r["ok"] and r["sides"][s]["ratio"]]
        geomean[s] = math.exp(sum(math.log(x) for x in ratios) / len(ratios)) if ratios else None

    others = sides[1:]
    lines = ["| program | native s | " + " | ".join("%s s | ratio" % s for s in others) + " |",
             "|---|---:|" + "---:|---:|" * len(others)]
    for r in results:
        cells = [fmt(r["sides"]["native"]["compute_s"])]
        for s in others:
            ratio = r["sides"][s]["ratio"]
            cells += [fmt(r["sides"][s]["compute_s"]), (fmt(ratio, 2) + "x") if ratio else "-"]
        lines.append("| %s%s | %s |" % (r["name"], "" if r["ok"] else " **FAIL**", " | ".join(cells)))
    lines.append("| **geometric mean** | |" + "".join(" | | **%s**" % ((fmt(geomean[s], 2) + "x") if geomean[s] else "-")
                                                   for s in others) + " |")
    lines.append("| start-up (subtracted) | %s | " % fmt(start["native"]) +
                 " | ".join("%s | " % fmt(start[s]) for s in others) + "|")
    table = "\n".join(lines)
    notes = ["- %s: %s" % (r["name"], p) for r in results for p in r["problems"]]
    when = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    header = ("%s. Seconds of compute = best wall time (of %d runs; %d on the Node sides) minus the best "
              "wall time of an empty program on the same side. Ratio = side / native; lower is better.\n\n"
              "native: `%s -I -S prog.py`; polyagent: `polyagent run prog.py` (sandboxed child, snapshot); "
              "node-wasi: the same python.wasm under Node %s's WASI; pyodide: Pyodide %s in Node.\n"
              % (when, a.repeat, a.peer_repeat, a.native, node_version() or "?", pyodide_version() or "?"))
    md = "# Compute benchmarks\n\n" + header + "\n" + table + "\n" + ("\nProblems:\n" + "\n".join(notes) + "\n" if notes else "")

    print(table)
    if notes:
        print("\nProblems:\n" + "\n".join(notes))

    doc = {
        "generated": when,
        "repeat": a.repeat,
        "peer_repeat": a.peer_repeat,
        "sides": sides,
        "commands": {s: cmds[s]("PROG.py") for s in sides},
        "startup_s": start,
        "machine": {"nproc": os.cpu_count(), "platform": platform.platform(), "python_runner": sys.version.split()[0]},
        "programs": results,
        "geomean_ratio": geomean,
        "failures": failures,
    }
    with open(os.path.join(a.results_dir, "compute.json"), "w") as f:
        json.dump(doc, f, indent=2, sort_keys=True)
        f.write("\n")
    with open(os.path.join(a.results_dir, "compute.md"), "w") as f:
        f.write(md)
    print("\nwrote %s/compute.json and compute.md" % os.path.relpath(a.results_dir, os.getcwd()), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
