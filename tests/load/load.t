#!/bin/bash
# Limits that hold under load: 200 runs, 50 at a time, a third of them
# spinning into a 1 s time limit.  Timeouts must fire within 1.0-1.2 s of
# engine time, however many other runs share the two cores, and every other
# run must complete with its exact output.  (The Makefile runs this alone,
# after the other tests: it measures time, so it must not share the cores
# with another test file as well.)
#
# What is exact and what is statistical.  The engine's timer fires at the
# deadline, and a thread with a pending signal runs no more guest code: the
# handler is the first thing it does when it next gets a CPU.  Lateness past
# 1.0 s is therefore time spent waiting in the run queue, ~25 processes per
# core here.  Instrumented, every late run had its handler run late and
# unwound in under 0.1 ms; native python3.11 processes spinning into a 1 s
# SIGALRM in the same storm were late the same way (p50 1.02-1.04 s, p90
# 1.07-1.11 s, against our 1.03 and 1.08-1.10).  Now and then this 2-vCPU VM
# keeps one thread off the CPU for 0.3-1.3 s, ours or a native probe (one
# probe fired at 2.45 s), which no process can prevent.  So: a timeout must
# never fire early, must never outlive the wall-clock bound, and 95 % of
# them (64 of 67) must report at most the bound; a drifting or shared timer
# would miss that by far.
. "$(dirname "$0")/../cli/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"
"$POLYAGENT" run -c "pass" >/dev/null  # build the base image once, before the storm

# The bounds are the product's (release build).  The ASan build runs every
# guest call several times slower and starts each process ~10x slower
# (0.12 s against 0.01 s for `run -c pass`), so with 50 processes on two
# cores its scheduling slack is wider: a run that hangs still fails.
limit=1.2 wall=5
case ${BUILD_DIR:-} in *asan*) limit=1.5 wall=10 ;; esac
/usr/bin/python3 - "$POLYAGENT" "$limit" "$wall" <<'EOF'
import concurrent.futures, json, subprocess, sys, time
pa = sys.argv[1]
limit = float(sys.argv[2])
wall_limit = float(sys.argv[3])

def one(i):
    if i % 3 == 0:
        args = [pa, "run", "--json", "--timeout", "1", "-c", "while True: pass"]
    else:
        args = [pa, "run", "--json", "--timeout", "20", "-c", f"print(sum(range({i} * 1000)))"]
    t = time.monotonic()
    p = subprocess.run(args, capture_output=True, timeout=60)
    return i, time.monotonic() - t, p.returncode, p.stdout

with concurrent.futures.ThreadPoolExecutor(50) as ex:
    results = list(ex.map(one, range(200)))

n = 0
def check(ok, name, detail=""):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", name)
    if not ok and detail:
        print("#", detail, file=sys.stderr)  # prove shows stderr: the CI log says why

bad_to, bad_ok, durs, walls = [], [], [], []
for i, wall, rc, out in results:
    try:
        r = json.loads(out)
    except ValueError:
        (bad_to if i % 3 == 0 else bad_ok).append((i, rc, out[:200]))
        continue
    if i % 3 == 0:
        d = r["duration_ms"] / 1000
        durs.append(d)
        walls.append(wall)
        if rc != 0 or r["status"] != "timeout" or r["error"]["type"] != "Timeout" or d < 1.0:
            bad_to.append((i, r["status"], d))
    elif rc != 0 or r["status"] != "ok" or r["stdout"] != f"{sum(range(i * 1000))}\n":
        bad_ok.append((i, r["status"], r["stdout"][:80]))

durs.sort()
late = [d for d in durs if d > limit]
seen = (f"timeouts at {durs[0] if durs else 0:.3f}-{durs[-1] if durs else 0:.3f} s engine time"
        f" (p50 {durs[len(durs) // 2] if durs else 0:.3f}, p90 {durs[len(durs) * 9 // 10] if durs else 0:.3f});"
        f" wall {min(walls, default=0):.2f}-{max(walls, default=0):.2f} s")
print("#", seen)
check(len(durs) == 67 and not bad_to, "67 runs timed out, none before 1.0 s", f"{bad_to[:3]}")
check(len(durs) - len(late) >= 64, f"at least 64 of them fired within 1.0-{limit:g} s",
      f"{seen}; past {limit:g} s: {late}")
check(not bad_ok, "133 other runs completed with exact output", f"{bad_ok[:3]}")
check(max(walls, default=99) < wall_limit, f"no timed-out run took {wall_limit:g} s of wall time or more", seen)
print(f"1..{n}")
EOF
