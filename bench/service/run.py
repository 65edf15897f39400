#!/usr/bin/env python3
"""bench/service/run.py — the HTTP service under load, on loopback.

Starts `polyagent serve` (workers = cores, default queue) on a free port and
measures, in one run:

  concurrency 1   1000 sequential `print(1)` requests on one keep-alive
                  connection (this client): p50/p99; and 1000 in one session
                  (`session_id`), each call incrementing a variable of the last
  concurrency 64  wrk -t2 -c64 for long enough to make at least 10 000
                  `print(1)` requests: requests/s, p50/p99, errors and
                  non-2xx answers (429 included)

and writes bench/results/service.json and service.md.
Run with the system python:  /usr/bin/python3 bench/service/run.py [--build DIR]
"""
import argparse, datetime, http.client, json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from common import pct  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--requests", type=int, default=10000)
    p.add_argument("--results-dir", default=os.path.join(ROOT, "bench", "results"))
    a = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("run.py: wrk is needed (apt-get install wrk)")
    state = tempfile.mkdtemp(prefix="pa-svc-")
    srv = subprocess.Popen([os.path.join(a.build, "polyagent"), "serve", "--listen", "127.0.0.1:0",
                            "--state-dir", state], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        url = srv.stdout.readline().decode().split()[-1]
        host, port = url.split("//")[1].split(":")
        c = http.client.HTTPConnection(host, int(port))

        def sequential(req, want):
            lat = []
            body = json.dumps(req)
            for i in range(1100):
                t = time.perf_counter()
                c.request("POST", "/v1/execute", body=body, headers={"Content-Type": "application/json"})
                r = c.getresponse()
                d = json.loads(r.read())
                if r.status != 200 or d["stdout"] != want(i):
                    sys.exit(f"run.py: bad answer {r.status} {d}")
                if i >= 100:  # the first ones warm the workers up
                    lat.append((time.perf_counter() - t) * 1000)
            return {"requests": len(lat), "p50_ms": pct(lat, .5), "p99_ms": pct(lat, .99)}
        c1 = sequential({"code": "print(1)"}, lambda i: "1\n")
        # One session, every call sees the last one's state (and saves it).
        c1s = sequential({"code": "n = globals().get('n', 0) + 1\nprint(n)", "session_id": "bench"},
                         lambda i: "%d\n" % (i + 1))
        secs = 5
        while True:  # long enough for the requested count, however fast this machine is
            out = subprocess.run(["wrk", "-t2", "-c64", "-d%ds" % secs, "--timeout", "30s", "-s",
                                  os.path.join(HERE, "post.lua"), url + "/v1/execute"],
                                 capture_output=True, text=True, timeout=secs + 120).stdout
            w = json.loads(out.strip().splitlines()[-1])
            if w["requests"] >= a.requests or secs >= 120:
                break
            # wrk leaves runs queued behind the connections it closed: let
            # them drain, or the next round meets a full queue (429).
            for _ in range(600):
                m = http.client.HTTPConnection(host, int(port))
                m.request("GET", "/metrics")
                t = m.getresponse().read().decode()
                if "polyagent_busy_workers 0\n" in t and "polyagent_queue_depth 0\n" in t:
                    break
                time.sleep(0.1)
            secs = min(120, int(secs * a.requests / max(w["requests"], 1) * 1.3) + 1)
        c64 = {"requests": w["requests"], "requests_per_s": w["requests"] / (w["duration_us"] / 1e6),
               "p50_ms": w["p50_us"] / 1000, "p99_ms": w["p99_us"] / 1000,
               "errors": w["connect_errors"] + w["read_errors"] + w["write_errors"] + w["timeouts"],
               "non_2xx": w["non_2xx"]}
    finally:
        srv.terminate()
        srv.wait(timeout=60)
        shutil.rmtree(state, ignore_errors=True)
    res = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "cpus": os.cpu_count(), "concurrency_1": c1, "concurrency_1_session": c1s,
           "concurrency_64": c64}
    md = ["| HTTP `print(1)` (loopback, workers = %d) | value |" % os.cpu_count(), "|---|---:|",
          "| concurrency 1: p50 | %.3f ms |" % c1["p50_ms"], "| concurrency 1: p99 | %.3f ms |" % c1["p99_ms"],
          "| concurrency 1, one session: p50 | %.3f ms |" % c1s["p50_ms"],
          "| concurrency 1, one session: p99 | %.3f ms |" % c1s["p99_ms"],
          "| concurrency 64: requests/s | %.0f |" % c64["requests_per_s"],
          "| concurrency 64: p50 | %.2f ms |" % c64["p50_ms"], "| concurrency 64: p99 | %.2f ms |" % c64["p99_ms"],
          "| concurrency 64: requests / errors / non-2xx | %d / %d / %d |" % (c64["requests"], c64["errors"], c64["non_2xx"])]
    text = "\n".join(md) + "\n"
    print(text)
    os.makedirs(a.results_dir, exist_ok=True)
    with open(os.path.join(a.results_dir, "service.json"), "w") as f:
        json.dump(res, f, indent=2)
        f.write("\n")
    with open(os.path.join(a.results_dir, "service.md"), "w") as f:
        f.write("# HTTP service (%s)\n\n%s" % (res["date"], text))


if __name__ == "__main__":
    main()
