#!/usr/bin/env python3
"""tests/security/check.py — case parser and result checker for attacks.t.

A case is a Python program (tests/security/cases/NNN_name.py) whose leading
comment block declares how to run it and what must come out.  A line
starting with "# ===" splits a case into steps, run in order with one state
directory (sessions, the base image) shared by the steps of that case.

Header lines (in the comment block of each step; other comments are free text):

  # args: --timeout 1 --memory-mb 64   polyagent options (shell words).  The
                                      driver adds --timeout 10 when none is given.
                                      Placeholders: {STATE} {CANARY} {STDIN_FILE} {PATH}
                                      and their reversed forms {STATE_REV} ...;
                                      {MOUNT}: a host tree made for the case
                                      (see make_mount_fixture)
                                      Expected values may use {FILE}: the path
                                      of the program run (as in tracebacks).
  # stdin-size: N                     generate N bytes of b"a" and pass
                                      --stdin-file {STDIN_FILE}
  # expect: KEY=VALUE                 exact; VALUE takes \\n \\t \\xNN \\uNNNN \\\\ escapes
  # expect: KEY!=VALUE                must differ
  # expect: KEY~=REGEX                re.search(REGEX, value, re.S)
  # check: PY_EXPR                    must be true; names: d (the result object),
                                      runs (results of the earlier steps), rc,
                                      wall (seconds), host_stderr, step (1-based)
  # todo: REASON                      known product bug: this case's failing
                                      assertions are TAP TODO, plus one line per
                                      case that passes once the bug is fixed

KEY is a field of the --json result ("status", "exit_code", "stdout",
"error.type", "session.origin", ...) shown as text (true/false/null for
JSON literals), or "rc" (process exit status, default 0) or "host_stderr"
(polyagent's own stderr, default empty).  With rc other than 0 no JSON is
expected.  Every step with rc 0 must declare its status.

Always checked: the process exit status, a valid result object (keys and
types; session_id/session present exactly with --session), an empty host
stderr (so sanitizer reports fail the case), and a wall time of at most
timeout + 3 s.

Usage:
  check.py plan CASE OUTDIR        write OUTDIR/stepK.py, stepK.args (NUL-
                                   separated), print the number of steps
  check.py check CASE K OUTDIR RC WALL STDOUT STDERR RESULTS
                                   append result lines to RESULTS:
                                   "ok|not ok|todo not ok" TAB name
                                   [TAB diagnostics, newlines as \\x1f];
                                   in todo cases "todo-step" TAB case TAB
                                   reason TAB number of failed assertions
"""
import json
import os
import re
import shlex
import sys

DEFAULT_TIMEOUT = 10
WALL_SLACK = 3.0
KEYS = {"status", "exit_code", "stdout", "stderr", "stdout_truncated", "stderr_truncated", "error", "duration_ms"}
STATUSES = {"ok", "error", "timeout", "memory_limit", "killed"}
ASAN_NORETURN_RE = re.compile(
    r"==\d+==WARNING: ASan is ignoring requested __asan_handle_no_return: [^\n]*\n"
    r"False positive error reports may follow\n"
    r"For details see https://github.com/google/sanitizers/issues/189\n")
EXPECT_RE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_.]*)\s*(?P<op>~=|!=|=)(?P<val>.*)$")


class CaseError(Exception):
    pass


def unescape(s):
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape")


def parse_case(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    chunks, cur = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("# ==="):
            chunks.append("".join(cur))
            cur = []
        else:
            cur.append(line)
    chunks.append("".join(cur))
    steps = []
    todo = None
    for i, chunk in enumerate(chunks, 1):
        st = {"code": chunk, "args": [], "expect": [], "checks": [], "stdin_size": None}
        for line in chunk.splitlines():
            if not line.startswith("#"):
                continue
            body = line[1:].strip()
            low = body.split(":", 1)[0].strip().lower()
            val = body.split(":", 1)[1].strip() if ":" in body else ""
            if low == "args":
                st["args"] += shlex.split(val)
            elif low == "stdin-size":
                st["stdin_size"] = int(val)
            elif low == "expect":
                m = EXPECT_RE.match(val)
                if not m:
                    raise CaseError("step %d: bad expect line: %r" % (i, line))
                st["expect"].append((m.group("key"), m.group("op"), m.group("val")))
            elif low == "check":
                try:
                    compile(val, "check", "eval")
                except SyntaxError as e:
                    raise CaseError("step %d: check is not a Python expression: %r (%s)" % (i, val, e))
                st["checks"].append(val)
            elif low == "todo":
                todo = val or "known bug"
        rc = [v for k, op, v in st["expect"] if k == "rc" and op == "="]
        st["rc"] = int(rc[0]) if rc else 0
        if st["rc"] == 0 and not any(k == "status" and op == "=" for k, op, _ in st["expect"]):
            raise CaseError("step %d declares no '# expect: status=...'" % i)
        if not st["expect"] and not st["checks"]:
            raise CaseError("step %d has no expectations" % i)
        steps.append(st)
    return steps, todo


def placeholders(outdir):
    state = os.environ.get("POLYAGENT_STATE_DIR", "")
    canary = os.environ.get("PA_SECURITY_CANARY", "")
    stdin_file = os.path.join(outdir, "stdin.bin")
    p = {"STATE": state, "CANARY": canary, "STDIN_FILE": stdin_file, "PATH": os.environ.get("PATH", "")}
    for k in list(p):
        p[k + "_REV"] = p[k][::-1]
    return p


def timeout_of(args):
    for i, a in enumerate(args):
        if a == "--timeout" and i + 1 < len(args):
            return float(args[i + 1])
        if a.startswith("--timeout="):
            return float(a.split("=", 1)[1])
    return None


def make_mount_fixture(root):
    """A host tree for --mount: plain files, and the things the mount must
    not show: symbolic links (out of the tree and to /etc/passwd), a file
    with two hard links, a FIFO."""
    os.makedirs(os.path.join(root, "sub"), exist_ok=True)
    with open(os.path.join(root, "a.txt"), "w") as f:
        f.write("hello\n")
    with open(os.path.join(root, "sub", "b.txt"), "w") as f:
        f.write("sub\n")
    with open(os.path.join(os.path.dirname(root), "outside.txt"), "w") as f:
        f.write("outside the mount\n")
    with open(os.path.join(root, "hard1"), "w") as f:
        f.write("linked\n")
    os.link(os.path.join(root, "hard1"), os.path.join(root, "hard2"))
    os.symlink("/etc/passwd", os.path.join(root, "link_passwd"))
    os.symlink("../outside.txt", os.path.join(root, "link_outside"))
    os.symlink("/", os.path.join(root, "sub", "link_root"))
    os.mkfifo(os.path.join(root, "fifo"))


def cmd_plan(case, outdir):
    steps, _ = parse_case(case)
    ph = placeholders(outdir)
    ph["MOUNT"] = os.path.join(outdir, "mnt")
    if any("{MOUNT}" in a for st in steps for a in st["args"]):
        make_mount_fixture(ph["MOUNT"])
    for k, st in enumerate(steps, 1):
        args = []
        for a in st["args"]:
            for name, v in ph.items():
                a = a.replace("{%s}" % name, v)
            args.append(a)
        if st["stdin_size"] is not None:
            with open(ph["STDIN_FILE"], "wb") as f:
                left = st["stdin_size"]
                block = b"a" * (1 << 20)
                while left > 0:
                    f.write(block[:left])
                    left -= len(block[:left])
            args += ["--stdin-file", ph["STDIN_FILE"]]
        if timeout_of(args) is None:
            args += ["--timeout", str(DEFAULT_TIMEOUT)]
        with open(os.path.join(outdir, "step%d.args" % k), "w") as f:
            f.write("".join(a + "\0" for a in args))
        with open(os.path.join(outdir, "step%d.py" % k), "w", encoding="utf-8") as f:
            f.write(st["code"])
    print(len(steps))


def show(v, limit=300):
    r = repr(v)
    if len(r) > limit:
        r = r[: limit // 2] + " ... [%d chars] ... " % len(r) + r[-limit // 3:]
    return r


def first_difference(got, want):
    i = 0
    while i < min(len(got), len(want)) and got[i] == want[i]:
        i += 1
    return "first difference at offset %d: got %s, expected %s" % (i, show(got[max(0, i - 20):i + 40], 200),
                                                                 show(want[max(0, i - 20):i + 40], 200))


def as_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return v
    return json.dumps(v)


def lookup(d, key):
    cur = d
    for part in key.split("."):
        if isinstance(cur, dict) and part in cur:
            cur = cur[part]
        else:
            return "<missing>"
    return as_text(cur)


def schema_problems(obj, session):
    p = []
    if not isinstance(obj, dict):
        return ["result is not an object"]
    keys = set(obj)
    want = set(KEYS)
    if session:
        engine_error = obj.get("status") == "killed" and isinstance(obj.get("error"), dict) \
            and obj["error"].get("type") == "EngineError"
        if not engine_error or "session" in obj:
            want |= {"session_id", "session"}
    if keys != want:
        p.append("keys: missing %s, unexpected %s" % (sorted(want - keys), sorted(keys - want)))
    if obj.get("status") not in STATUSES:
        p.append("status %r" % (obj.get("status"),))
    if not isinstance(obj.get("exit_code"), int) or isinstance(obj.get("exit_code"), bool):
        p.append("exit_code is not an int")
    for k in ("stdout", "stderr"):
        if not isinstance(obj.get(k), str):
            p.append("%s is not a string" % k)
    for k in ("stdout_truncated", "stderr_truncated"):
        if not isinstance(obj.get(k), bool):
            p.append("%s is not a bool" % k)
    dm = obj.get("duration_ms")
    if not isinstance(dm, (int, float)) or isinstance(dm, bool) or dm < 0:
        p.append("duration_ms is not a non-negative number")
    err = obj.get("error", "missing")
    if obj.get("status") == "ok":
        if err is not None:
            p.append("status ok but error is %r" % (err,))
    elif not (isinstance(err, dict) and set(err) == {"type", "message", "traceback"}
              and all(isinstance(err[k], str) for k in err)):
        p.append("status %s but error is %s" % (obj.get("status"), show(err)))
    return p


def cmd_check(case, k, outdir, rc, wall, out_path, err_path, results):
    steps, todo = parse_case(case)
    k = int(k)
    st = steps[k - 1]
    rc = int(rc)
    wall = float(wall)
    name = os.path.splitext(os.path.basename(case))[0] + (".%d" % k if len(steps) > 1 else "")
    lines = []

    failed = [0]

    def report(ok, what, *diag):
        # In a case marked todo (a known product bug) a failing assertion is
        # a TAP TODO; the case-level "todo-step" line lets the driver say
        # once per case whether the bug is still there.
        kind = "ok" if ok else "not ok"
        if not ok:
            failed[0] += 1
            if todo is not None:
                kind, what = "todo not ok", what + " # TODO " + todo
        d = "\n".join(x for x in diag if x)
        lines.append("%s\t%s: %s%s" % (kind, name, what, ("\t" + d.replace("\n", "\x1f")) if d and not ok else ""))

    raw = open(out_path, "rb").read()
    host_err = open(err_path, "rb").read().decode("utf-8", "replace")
    with open(os.path.join(outdir, "step%d.args" % k)) as f:
        args = [a for a in f.read().split("\0") if a]
    limit = (timeout_of(args) or DEFAULT_TIMEOUT) + WALL_SLACK if st["rc"] == 0 else WALL_SLACK
    report(rc == st["rc"], "polyagent exits %d" % st["rc"], "got exit status %d" % rc,
           "host stderr: %s" % show(host_err) if rc != st["rc"] else "")
    report(wall <= limit, "finished within %.0f s" % limit, "took %.2f s" % wall)

    d = {}
    if st["rc"] == 0:
        problems = []
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append("stdout is not UTF-8: %s" % e)
            text = raw.decode("utf-8", "replace")
        try:
            d = json.loads(text)
        except ValueError as e:
            problems.append("stdout is not one JSON value (%s): %s" % (e, show(text)))
            d = {}
        if not problems:
            problems = schema_problems(d, "--session" in args)
        report(not problems, "one valid --json result", *problems)
        if not isinstance(d, dict):
            d = {}
    exp_host_err = False
    prog = os.path.join(outdir, "step%d.py" % k) if len(steps) > 1 else case
    for key, op, val in st["expect"]:
        if key == "rc":
            continue
        val = val.replace("{FILE}", prog)
        if key == "host_stderr":
            exp_host_err = True
            got = host_err
        else:
            got = lookup(d, key)
        if op == "~=":
            ok = re.search(val, got, re.S) is not None
            report(ok, "%s matches /%s/" % (key, val), "got: %s" % show(got))
        else:
            want = unescape(val)
            ok = (got == want) if op == "=" else (got != want)
            label = show(want, 80)
            report(ok, "%s %s %s" % (key, "is" if op == "=" else "is not", label),
                   "got:      %s" % show(got), "expected: %s%s" % ("" if op == "=" else "anything but ", show(want)),
                   first_difference(got, want) if op == "=" and not ok else "")
    if not exp_host_err:
        # ASan's warning about siglongjmp off a huge stack (traps unwind from
        # deep guest recursion) is not a finding; anything else is.
        quiet = ASAN_NORETURN_RE.sub("", host_err)
        report(quiet == "", "polyagent wrote nothing to its own stderr", "host stderr: %s" % show(host_err, 2000))
    runs = []
    for j in range(1, k):
        try:
            with open(os.path.join(outdir, "step%d.json" % j), "rb") as f:
                runs.append(json.loads(f.read().decode("utf-8", "replace")))
        except (OSError, ValueError):
            runs.append({})
    env = {"d": d, "runs": runs, "rc": rc, "wall": wall, "host_stderr": host_err, "step": k,
           "re": re, "json": json}
    for expr in st["checks"]:
        try:
            ok = bool(eval(expr, env))
            why = "false"
        except Exception as e:  # a failing check expression is a failed check
            ok, why = False, "raised %r" % e
        report(ok, "check: %s" % (expr if len(expr) < 110 else expr[:100] + "..."), "expression: " + expr,
               "result: " + why, "stdout: %s" % show(d.get("stdout") if isinstance(d, dict) else None))
    if todo is not None:
        lines.append("todo-step\t%s\t%s\t%d" % (os.path.splitext(os.path.basename(case))[0], todo, failed[0]))
    with open(results, "a", encoding="utf-8") as f:
        for line in lines:
            f.write(line.replace("\n", "\x1f") + "\n")


def main(argv):
    try:
        if argv[1] == "plan":
            cmd_plan(argv[2], argv[3])
        elif argv[1] == "check":
            cmd_check(*argv[2:10])
        else:
            raise CaseError("unknown command %r" % argv[1])
    except CaseError as e:
        print("ERROR %s: %s" % (os.path.basename(argv[2]), e))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
