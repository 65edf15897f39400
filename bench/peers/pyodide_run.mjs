// bench/peers/pyodide_run.mjs — Pyodide (CPython compiled by Emscripten) in Node.
//
// What langchain-sandbox and mcp-run-python run.  The package is pinned in
// package.json / package-lock.json (0.25.1: CPython 3.11, the same minor
// version as our guest) and installed by `npm ci` into bench/peers.
//
//   node pyodide_run.mjs MODE
//   MODE:  --file PROG.py        one interpreter, run the file, print its output
//          --code SRC            one interpreter, run SRC, print its output
//          --fresh N --code SRC  N times: loadPyodide + SRC (output dropped);
//                                prints {"ms": [...]} per run
//          --warm N --code SRC   one interpreter, runPython(SRC) N times
//          --idle N              N live interpreters after `x = 1`;
//                                prints {"rss_kb_per_instance": ...}
//          --for SECONDS --code SRC
//                                fresh interpreters back to back for SECONDS
// Exit status: 0, or 1 when the Python code raised.
import fs from 'node:fs';
import { loadPyodide } from 'pyodide';

function die(msg) {
    process.stderr.write(`pyodide_run.mjs: ${msg}\n`);
    process.exit(2);
}

function parse(argv) {
    const a = { mode: null, n: 0, code: null, file: null };
    for (let i = 0; i < argv.length; i++) {
        const k = argv[i], v = argv[i + 1];
        switch (k) {
        case '--code': a.code = v; i++; break;
        case '--file': a.file = v; a.mode = a.mode || 'file'; i++; break;
        case '--fresh': case '--warm': case '--idle': case '--for':
            a.mode = k.slice(2); a.n = Number(v); i++;
            if (!(a.n > 0)) die(`${k} needs a positive number`);
            break;
        default: die(`unknown argument '${k}'`);
        }
    }
    if (!a.mode && a.code !== null) a.mode = 'code';
    if (!a.mode) die('no mode given');
    if (['fresh', 'warm', 'for'].includes(a.mode) && a.code === null) die(`--${a.mode} needs --code`);
    return a;
}

const args = parse(process.argv.slice(2));
const quiet = { stdout: () => {}, stderr: () => {} };
// Pyodide hands output over line by line; write it out unchanged.
const loud = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (x) => Math.round(x * 1e4) / 1e4;

function run(py, src, name) {
    try {
        py.runPython(src, name ? { filename: name } : undefined);
        return true;
    } catch (err) {
        process.stderr.write(String(err.message || err) + '\n');
        return false;
    }
}

switch (args.mode) {
case 'file': case 'code': {
    const py = await loadPyodide(loud);
    const src = args.mode === 'file' ? fs.readFileSync(args.file, 'utf8') : args.code;
    process.exitCode = run(py, src, args.file) ? 0 : 1;
    break;
}
case 'fresh': {
    const ms = [];
    for (let i = 0; i < args.n; i++) {
        const t = now();
        const py = await loadPyodide(quiet);
        if (!run(py, args.code)) die('the code failed');
        ms.push(round(now() - t));
    }
    console.log(JSON.stringify({ ms }));
    break;
}
case 'warm': {
    const py = await loadPyodide(quiet);
    const ms = [];
    for (let i = 0; i < args.n; i++) {
        const t = now();
        if (!run(py, args.code)) die('the code failed');
        ms.push(round(now() - t));
    }
    console.log(JSON.stringify({ ms }));
    break;
}
case 'idle': {
    const keep = [await loadPyodide(quiet)];
    run(keep[0], 'x = 1');
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < args.n; i++) {
        const py = await loadPyodide(quiet);
        if (!run(py, 'x = 1')) die('x = 1 failed');
        keep.push(py);
    }
    globalThis.gc?.();
    const after = process.memoryUsage().rss;
    console.log(JSON.stringify({ instances: args.n, rss_kb_per_instance: round((after - before) / 1024 / args.n) }));
    break;
}
case 'for': {
    const t0 = now(), end = t0 + args.n * 1000;
    let runs = 0;
    while (now() < end) {
        const py = await loadPyodide(quiet);
        if (!run(py, args.code)) die('the code failed');
        runs++;
    }
    console.log(JSON.stringify({ runs, seconds: round((now() - t0) / 1000) }));
    break;
}
}
