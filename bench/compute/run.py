#!/usr/bin/env python3
"""bench/compute/run.py — compute benchmarks: native CPython vs polyagent.

For every program in bench/compute/ (all *.py except this file) it runs

    native:    /usr/bin/python3.11 -I -S prog.py
    polyagent: build/polyagent run prog.py --timeout 60

--repeat times each (default 3), interleaved (native and polyagent alternate
program by program, and which of the two goes first alternates every round) so
that machine noise hits both alike.  It keeps the best wall time of each,
checks that both printed the same "checksum:" line, prints a markdown table
with the ratio polyagent/native and the geometric mean of the ratios, and
writes results/compute.json and results/compute.md under bench/.

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


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--polyagent", default=os.environ.get("POLYAGENT", os.path.join(ROOT, "build", "polyagent")),
                   help="polyagent binary (default: $POLYAGENT or build/polyagent)")
    p.add_argument("--native", default=os.environ.get("NATIVE_PYTHON", "/usr/bin/python3.11"),
                   help="native interpreter (default: $NATIVE_PYTHON or /usr/bin/python3.11)")
    p.add_argument("--repeat", type=int, default=3, help="runs of each program on each side; the best counts (default 3)")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help="run only this program (name with or without .py; may be given several times or comma-separated)")
    p.add_argument("--results-dir", default=os.path.join(ROOT, "bench", "results"),
                   help="where compute.json and compute.md go (default bench/results)")
    p.add_argument("--run-timeout", type=float, default=120.0, help="outer limit in seconds for one run (default 120)")
    p.add_argument("--list", action="store_true", help="list the programs and exit")
    a = p.parse_args()
    if a.repeat < 1:
        p.error("--repeat must be at least 1")
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


def run_once(cmd, limit):
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
    if cs is None:
        return {"ok": False, "seconds": secs, "error": "no checksum line in the output", "checksum": None}
    return {"ok": True, "seconds": secs, "error": None, "checksum": cs}


def fmt(x, digits=3):
    return "-" if x is None else ("%.*f" % (digits, x))


def main():
    a = parse_args()
    names = programs(a.only)
    if a.list:
        print("\n".join(names))
        return 0
    polyagent = os.path.abspath(a.polyagent) if os.sep in a.polyagent else a.polyagent
    sides = {
        "native": lambda prog: [a.native, "-I", "-S", prog],
        "polyagent": lambda prog: [polyagent, "run", prog, "--timeout", "60"],
    }
    runs = {n: {"native": [], "polyagent": []} for n in names}
    total_runs = len(names) * 2 * a.repeat
    done = 0
    for rnd in range(a.repeat):
        order = ["native", "polyagent"] if rnd % 2 == 0 else ["polyagent", "native"]
        for n in names:
            prog = os.path.join(HERE, n + ".py")
            for side in order:
                res = run_once(sides[side](prog), a.run_timeout)
                runs[n][side].append(res)
                done += 1
                print("[%d/%d] round %d %-16s %-9s %s" % (done, total_runs, rnd + 1, n, side,
                      fmt(res["seconds"]) + "s" if res["ok"] else "FAILED: " + res["error"]), file=sys.stderr, flush=True)

    results = []
    failures = 0
    for n in names:
        row = {"name": n}
        problems = []
        for side in ("native", "polyagent"):
            rs = runs[n][side]
            good = [r["seconds"] for r in rs if r["ok"]]
            row[side + "_s"] = min(good) if good else None
            row[side + "_runs_s"] = [round(r["seconds"], 4) for r in rs]
            problems += ["%s: %s" % (side, r["error"]) for r in rs if not r["ok"]]
        sums = {(side, r["checksum"]) for side in ("native", "polyagent") for r in runs[n][side] if r["checksum"]}
        distinct = sorted({c for _, c in sums})
        if len(distinct) > 1:
            problems.append("checksums differ: " + " | ".join("%s=%s" % (s, c) for s, c in sorted(sums)))
        row["checksum"] = distinct[0] if len(distinct) == 1 else None
        row["ratio"] = (row["polyagent_s"] / row["native_s"]) if row["native_s"] and row["polyagent_s"] else None
        row["ok"] = not problems
        row["problems"] = sorted(set(problems))
        failures += bool(problems)
        results.append(row)

    ratios = [r["ratio"] for r in results if r["ok"] and r["ratio"]]
    geomean = math.exp(sum(math.log(x) for x in ratios) / len(ratios)) if ratios else None

    lines = ["| program | native s | polyagent s | ratio |", "|---|---:|---:|---:|"]
    for r in results:
        ratio = fmt(r["ratio"], 2) + "x" if r["ratio"] is not None else "-"
        if not r["ok"]:
            ratio += " **FAIL**"
        lines.append("| %s | %s | %s | %s |" % (r["name"], fmt(r["native_s"]), fmt(r["polyagent_s"]), ratio))
    lines.append("| **geometric mean** | | | **%s** |" % (fmt(geomean, 2) + "x" if geomean else "-"))
    table = "\n".join(lines)
    notes = []
    for r in results:
        for p in r["problems"]:
            notes.append("- %s: %s" % (r["name"], p))
    when = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    header = ("Best of %d wall-clock runs, %s.\n\nnative: `%s -I -S prog.py`; "
              "polyagent: `%s run prog.py --timeout 60`; ratio = polyagent / native.\n"
              % (a.repeat, when, a.native, os.path.relpath(polyagent, ROOT) if polyagent.startswith(ROOT) else polyagent))
    md = "# Compute benchmarks\n\n" + header + "\n" + table + "\n" + ("\nProblems:\n" + "\n".join(notes) + "\n" if notes else "")

    print(table)
    if notes:
        print("\nProblems:\n" + "\n".join(notes))

    doc = {
        "generated": when,
        "repeat": a.repeat,
        "native": a.native,
        "polyagent": polyagent,
        "machine": {"nproc": os.cpu_count(), "platform": platform.platform(), "python_runner": sys.version.split()[0]},
        "programs": results,
        "geomean_ratio": geomean,
        "failures": failures,
    }
    os.makedirs(a.results_dir, exist_ok=True)
    with open(os.path.join(a.results_dir, "compute.json"), "w") as f:
        json.dump(doc, f, indent=2, sort_keys=True)
        f.write("\n")
    with open(os.path.join(a.results_dir, "compute.md"), "w") as f:
        f.write(md)
    print("\nwrote %s/compute.json and compute.md" % os.path.relpath(a.results_dir, os.getcwd()), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
