#!/usr/bin/env python3
"""bench/report.py — one table and two charts from one `make bench` run.

Reads compute.json, snapshot.json, service.json and peers.json from the
results directory (all written by the same bench/run.py) and writes there:

  summary.json   the numbers below, with where each came from
  summary.md     the tables: print(1) latency and throughput per runner,
                 compute ratios per program, idle memory, the goals
  latency.svg    p50 of print(1) per runner (log scale)
  compute.svg    compute time / native per program, ours and the peers

With --readme FILE it replaces what lies between the markers
`<!-- bench:begin -->` and `<!-- bench:end -->` in FILE with summary.md.

Run with the system python:  /usr/bin/python3 bench/report.py [--results-dir DIR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

# The goals the issue set us; each is (key, what, unit, goal, how to read it
# off the results).  Lower is better for all of them.
GOALS = [
    ("fresh_exec_p50_ms", "fresh execution from the snapshot, p50 (C API)", "ms", 0.5,
     lambda r: r["snapshot"]["capi"]["fresh_reset_exec"]["p50_ms"]),
    ("http_p50_ms", "HTTP `print(1)`, concurrency 1, p50", "ms", 1.0,
     lambda r: r["service"]["concurrency_1"]["p50_ms"]),
    ("compute_geomean", "compute suite, geometric mean vs native", "x", 1.25,
     lambda r: r["compute"]["geomean_ratio"]["polyagent"]),
    ("idle_session_kb", "idle session, private memory", "KiB", 1024,
     lambda r: r["snapshot"]["capi"]["idle_session_private_kb"]),
]


def load(results):
    r = {}
    for name in ("compute", "snapshot", "service", "peers"):
        path = os.path.join(results, name + ".json")
        try:
            with open(path) as f:
                r[name] = json.load(f)
        except (OSError, ValueError) as e:
            sys.exit("report.py: cannot read %s: %s (bench/run.py writes it)" % (path, e))
    return r


def runners(r):
    """Rows of the print(1) table: (label, how, stats, fresh runs/s or None)."""
    lat, thr = r["peers"]["latency"], r["peers"]["throughput_per_s"]
    capi, svc = r["snapshot"]["capi"], r["service"]

    def peer(key):
        return lat[key], thr.get(key)
    return [
        ("native python3.11", "process per run: `python3.11 -I -S -c`", *peer("native")),
        ("Node WASI, our python.wasm", "process per run", *peer("node_wasi_process")),
        ("Node WASI, our python.wasm", "new instance per run, one process", *peer("node_wasi_fresh_instance")),
        ("Node WASI, our python.wasm", "warm instance", *peer("node_wasi_warm_instance")),
        ("Pyodide %s" % r["peers"].get("pyodide", ""), "new interpreter per run, one process", *peer("pyodide_fresh_interpreter")),
        ("Pyodide %s" % r["peers"].get("pyodide", ""), "warm interpreter, `runPython`", *peer("pyodide_warm_runpython")),
        ("**PolyAgent** CLI", "process per run: `polyagent run -c` (sandboxed)", *peer("polyagent_cli")),
        ("**PolyAgent** CLI", "process per run, in a session", *peer("polyagent_cli_session")),
        ("**PolyAgent** C API", "fresh from snapshot", dict(capi["fresh_reset_exec"], runs=capi["runs"]),
         capi["fresh_execs_per_s_all_cores"]),
        ("**PolyAgent** C API", "warm session (saved after the call)", dict(capi["session_warm_exec_saved"], runs=capi["runs"]), None),
        ("**PolyAgent** HTTP", "fresh, concurrency 1 (throughput: concurrency 64)",
         dict(svc["concurrency_1"], runs=svc["concurrency_1"]["requests"]), svc["concurrency_64"]["requests_per_s"]),
        ("**PolyAgent** HTTP", "one session, concurrency 1",
         dict(svc["concurrency_1_session"], runs=svc["concurrency_1_session"]["requests"]), None),
    ]


def memory_rows(r):
    m = r["peers"]["memory"]
    return [
        ("native python3.11", "an idle process (private memory)", m["native_process"]["kb"]),
        ("Node WASI, our python.wasm", "an idle instance (%s)" % m["node_wasi_instance"]["how"], m["node_wasi_instance"]["kb"]),
        ("Pyodide", "an idle interpreter (%s)" % m["pyodide_interpreter"]["how"], m["pyodide_interpreter"]["kb"]),
        ("**PolyAgent**", "an idle session (private memory: process growth over %d live sessions / %d)" % (
            r["snapshot"]["capi"]["live_sessions"], r["snapshot"]["capi"]["live_sessions"]),
         r["snapshot"]["capi"]["idle_session_private_kb"]),
    ]


def ms(x):
    return "%.3f" % x if x < 10 else "%.1f" % x if x < 1000 else "%.0f" % x


def markdown(r, rows, mem, goals, img):
    c = r["compute"]
    sides = [s for s in ("polyagent", "node-wasi", "pyodide") if s in c["sides"]]
    out = ["Measured by `make bench` on %s (%d cores), all in one run: every ratio is against a baseline "
           "measured in the same run, as this VM's speed varies by up to 2x over an hour." % (
               r["peers"]["date"][:10], r["peers"]["cpus"]), "",
           "**`print(1)`, one execution** (latency over the runs shown; throughput = fresh executions/s "
           "with every core busy)", "",
           "| runner | how | p50 ms | p99 ms | runs | fresh/s |", "|---|---|---:|---:|---:|---:|"]
    for label, how, st, per_s in rows:
        out.append("| %s | %s | %s | %s | %d | %s |" % (label, how, ms(st["p50_ms"]), ms(st["p99_ms"]),
                                                      st.get("runs", 0), "%.0f" % per_s if per_s else ""))
    out += ["", "**Compute**: seconds of compute (best wall time minus the same side's empty-program "
            "start-up), as a ratio to native python3.11; lower is better", "",
            "| program | native s | " + " | ".join(SIDE_NAMES[s] for s in sides) + " |",
            "|---|---:|" + "---:|" * len(sides)]
    for p in c["programs"]:
        cells = ["%.3f" % p["sides"]["native"]["compute_s"]]
        cells += ["%.2fx" % p["sides"][s]["ratio"] if p["sides"][s].get("ratio") else "-" for s in sides]
        out.append("| %s%s | %s |" % (p["name"], "" if p["ok"] else " (failed)", " | ".join(cells)))
    out.append("| **geometric mean** | | " + " | ".join(
        "**%.2fx**" % c["geomean_ratio"][s] if c["geomean_ratio"].get(s) else "-" for s in sides) + " |")
    out += ["", "**Memory** of one more idle interpreter after `x = 1`", "",
            "| runner | what | KiB |", "|---|---|---:|"]
    out += ["| %s | %s | %.0f |" % row for row in mem]
    out += ["", "**In short**", ""] + in_short(r)
    out += ["", "**Goals**", "", "| goal | measured | target | |", "|---|---:|---:|---|"]
    for g in goals:
        out.append("| %s | %s %s | %s %s | %s |" % (g["what"], fmt_goal(g["measured"]), g["unit"],
                                                   fmt_goal(g["goal"]), g["unit"],
                                                   "met" if g["met"] else "**%.2fx over**" % g["over"]))
    out += ["", "![print(1) latency](%slatency.svg)" % img, "", "![compute ratios](%scompute.svg)" % img]
    return "\n".join(out) + "\n"


def in_short(r):
    """The comparisons a reader wants first, computed from this run."""
    lat, thr = r["peers"]["latency"], r["peers"]["throughput_per_s"]
    capi, svc, c, m = r["snapshot"]["capi"], r["service"], r["compute"], r["peers"]["memory"]
    fresh = capi["fresh_reset_exec"]["p50_ms"]
    geo = c["geomean_ratio"]
    idle = capi["idle_session_private_kb"]
    return [
        "- A fresh, isolated execution from the snapshot takes %s ms (C API; %s ms over HTTP): %.0fx less "
        "than starting native python3.11 (%s ms), %.0fx less than a new Node WASI instance of the same "
        "python.wasm (%s ms) and %.0fx less than a new Pyodide (%s ms).  Only interpreters kept warm and "
        "shared between runs (Node WASI %s ms, Pyodide `runPython` %s ms) are in the same range." % (
            ms(fresh), ms(svc["concurrency_1"]["p50_ms"]), lat["native"]["p50_ms"] / fresh, ms(lat["native"]["p50_ms"]),
            lat["node_wasi_fresh_instance"]["p50_ms"] / fresh, ms(lat["node_wasi_fresh_instance"]["p50_ms"]),
            lat["pyodide_fresh_interpreter"]["p50_ms"] / fresh, ms(lat["pyodide_fresh_interpreter"]["p50_ms"]),
            ms(lat["node_wasi_warm_instance"]["p50_ms"]), ms(lat["pyodide_warm_runpython"]["p50_ms"])),
        "- Fresh executions/s with all cores busy: %.0f (C API) and %.0f (HTTP, 64 connections), against "
        "%.0f native python3.11 processes, %.0f new Node WASI instances and %.1f new Pyodide interpreters." % (
            capi["fresh_execs_per_s_all_cores"], svc["concurrency_64"]["requests_per_s"], thr["native"],
            thr["node_wasi_fresh_instance"], thr["pyodide_fresh_interpreter"]),
        "- Compute: %.2fx native (geometric mean), against %.2fx for V8 running the same python.wasm and "
        "%.2fx for Pyodide." % (geo["polyagent"], geo["node-wasi"], geo["pyodide"]),
        "- An idle session costs %.0f KiB of private memory, against %.1f MiB per Node WASI instance, "
        "%.1f MiB per Pyodide interpreter and %.1f MiB per native python3.11 process." % (
            idle, m["node_wasi_instance"]["kb"] / 1024, m["pyodide_interpreter"]["kb"] / 1024,
            m["native_process"]["kb"] / 1024),
    ]


def fmt_goal(x):
    return "%.3g" % x if x < 100 else "%.0f" % x


SIDE_NAMES = {"polyagent": "PolyAgent", "node-wasi": "Node WASI", "pyodide": "Pyodide"}


def gnuplot(script, data, out, size):
    """Draws `script` over `data` (lines, the inline block $d) into out.svg
    (for the README) and out.png (for whatever cannot show SVG)."""
    for term, ext in (("svg size %d,%d font \"sans,11\" background \"white\"", ".svg"),
                      ("pngcairo size %d,%d font \"sans,10\" background \"white\"", ".png")):
        text = ("$d << EOD\n" + "\n".join(data) + "\nEOD\nset terminal " + term % size +
                "\nset output \"%s\"\n" % (out + ext) + script)
        r = subprocess.run(["gnuplot"], input=text, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("report.py: gnuplot failed for %s: %s" % (out + ext, r.stderr[-500:]))


def charts(results, rows, r):
    lat = os.path.join(results, "latency")
    data = []
    n = len(rows)
    for i, (label, how, st, _) in enumerate(rows):  # first row on top
        name = (label.replace("**", "") + ": " + how.split(":")[0].split(" (")[0]).replace('"', "'")
        colour = 0x4a7ab5 if "PolyAgent" in label else 0xb0b0b0
        data.append('%d "%s" %g %g %d' % (n - 1 - i, name, st["p50_ms"], st["p99_ms"], colour))
    gnuplot("""
set termoption noenhanced
set title "print(1), ms per execution (log scale): p50 bar, p99 x"
set logscale x 10
set xrange [0.01:*]
set yrange [-0.7:%g]
set ytics nomirror
set grid xtics
unset key
set style fill solid 0.85
plot $d using ($3):1:(0.01):($3):($1-0.35):($1+0.35):5:ytic(2) with boxxyerrorbars lc rgb variable, \\
     $d using 4:1 with points pt 2 lc rgb "#b54a4a"
""" % (n - 0.3), data, lat, (960, 520))

    comp = os.path.join(results, "compute")
    c = r["compute"]
    sides = [s for s in ("polyagent", "node-wasi", "pyodide") if s in c["sides"]]
    data = ["name " + " ".join(SIDE_NAMES[s].replace(" ", "_") for s in sides)]
    for p in c["programs"]:
        data.append(p["name"] + " " + " ".join("%g" % (p["sides"][s].get("ratio") or 0) for s in sides))
    data.append("geomean " + " ".join("%g" % (c["geomean_ratio"].get(s) or 0) for s in sides))
    colours = ["#4a7ab5", "#d08c2f", "#7a9e4a"]
    gnuplot("""
set termoption noenhanced
set title "compute time / native python3.11 (lower is better; 1 = native, dashed = goal 1.25)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85
set xtics rotate by -30
set yrange [0:*]
set grid ytics
set key top left
plot %s, 1 notitle lc rgb "black" dt 1, 1.25 notitle lc rgb "black" dt 2
""" % (", ".join("$d using %d:xtic(1) title columnheader lc rgb \"%s\"" % (i + 2, colours[i]) for i in range(len(sides)))),
        data, comp, (900, 420))
    return lat, comp


def update_readme(path, md):
    with open(path) as f:
        text = f.read()
    a, b = text.find(BEGIN), text.find(END)
    if a < 0 or b < a:
        sys.exit("report.py: %s has no %s ... %s markers" % (path, BEGIN, END))
    new = text[:a + len(BEGIN)] + "\n" + md + text[b:]
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(new)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--results-dir", default=os.path.join(HERE, "results"))
    p.add_argument("--readme", help="file whose bench markers get the table")
    p.add_argument("--step-seconds", default="{}", help="JSON: seconds each bench step took (from bench/run.py)")
    a = p.parse_args()
    if not shutil.which("gnuplot"):
        sys.exit("report.py: gnuplot is missing (scripts/setup_bench_deps.sh installs it)")
    r = load(a.results_dir)
    rows, mem = runners(r), memory_rows(r)
    goals = []
    for key, what, unit, goal, get in GOALS:
        v = get(r)
        goals.append({"key": key, "what": what, "unit": unit, "goal": goal, "measured": v,
                      "met": v <= goal, "over": v / goal})
    worst = max(goals, key=lambda g: g["over"])
    md = markdown(r, rows, mem, goals, "")
    lat, comp = charts(a.results_dir, rows, r)
    summary = {
        "date": r["peers"]["date"],
        "step_seconds": json.loads(a.step_seconds),
        "print1": [{"runner": l.replace("**", ""), "how": h, "p50_ms": s["p50_ms"], "p99_ms": s["p99_ms"],
                    "runs": s.get("runs"), "fresh_per_s": t} for l, h, s, t in rows],
        "compute_geomean_ratio": r["compute"]["geomean_ratio"],
        "memory_kb": [{"runner": l.replace("**", ""), "what": w, "kb": k} for l, w, k in mem],
        "goals": goals,
        "biggest_gap": worst["key"] if not worst["met"] else None,
        "charts": [os.path.basename(c) + ext for c in (lat, comp) for ext in (".svg", ".png")],
    }
    with open(os.path.join(a.results_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    with open(os.path.join(a.results_dir, "summary.md"), "w") as f:
        f.write("# PolyAgent and its peers\n\n" + md)
    print(md)
    if not worst["met"]:
        print("biggest gap against the goals: %s (%.2fx the target)" % (worst["what"], worst["over"]))
    if a.readme:
        rel = os.path.relpath(a.results_dir, os.path.dirname(os.path.abspath(a.readme)))
        update_readme(a.readme, markdown(r, rows, mem, goals, rel + "/"))
        print("report.py: updated %s" % a.readme)


if __name__ == "__main__":
    main()
