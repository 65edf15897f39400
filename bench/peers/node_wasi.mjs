// bench/peers/node_wasi.mjs — our python.wasm under Node's built-in WASI (V8).
//
// The peer that shares our guest but not our engine: the same reactor module
// (driver.c's pa_init / pa_exec exports), run by V8's JIT with Node's uvwasi
// instead of wasm2c + gcc + src/wasi.  The stdlib zip is given to the guest
// through a preopened /lib directory, as our own WASI layer shows it.
//
//   node node_wasi.mjs --lib DIR --wasm python.wasm MODE
//   MODE:  --file PROG.py        one instance, run the file, print its output
//          --code SRC            one instance, run SRC, print its output
//          --fresh N --code SRC  N times: new instance + init + SRC (stdout
//                                discarded); prints {"ms": [...]} per run
//          --warm N --code SRC   one instance, SRC N times; {"ms": [...]}
//          --idle N              N live instances after `x = 1`;
//                                prints {"rss_kb_per_instance": ...}
//          --for SECONDS --code SRC
//                                fresh instances back to back for SECONDS;
//                                prints {"runs": n, "seconds": s}
// Exit status: 0, or 1 when the guest reported a failure.
import { WASI } from 'node:wasi';
import fs from 'node:fs';

function parse(argv) {
    const a = { lib: null, wasm: null, mode: null, n: 0, code: null, file: null };
    for (let i = 0; i < argv.length; i++) {
        const k = argv[i], v = argv[i + 1];
        switch (k) {
        case '--lib': a.lib = v; i++; break;
        case '--wasm': a.wasm = v; i++; break;
        case '--code': a.code = v; i++; break;
        case '--file': a.file = v; a.mode = a.mode || 'file'; i++; break;
        case '--fresh': case '--warm': case '--idle': case '--for':
            a.mode = k.slice(2); a.n = Number(v); i++;
            if (!(a.n > 0)) die(`${k} needs a positive number`);
            break;
        default: die(`unknown argument '${k}'`);
        }
    }
    if (!a.lib || !a.wasm) die('--lib and --wasm are required');
    if (!a.mode && a.code !== null) a.mode = 'code';
    if (!a.mode) die('no mode given');
    if (['fresh', 'warm', 'for'].includes(a.mode) && a.code === null) die(`--${a.mode} needs --code`);
    return a;
}

function die(msg) {
    process.stderr.write(`node_wasi.mjs: ${msg}\n`);
    process.exit(2);
}

const args = parse(process.argv.slice(2));
const module = await WebAssembly.compile(fs.readFileSync(args.wasm));
const devnull = fs.openSync('/dev/null', 'w');

// A started interpreter: a fresh WASI context (one per instance, as Node
// allows initialize() once), _initialize, then the driver's pa_init.
async function start(stdout) {
    const wasi = new WASI({
        version: 'preview1', args: ['python'], env: {}, returnOnExit: true,
        preopens: { '/lib': args.lib }, stdout, stderr: stdout === 1 ? 2 : stdout,
    });
    const inst = await WebAssembly.instantiate(module, wasi.getImportObject());
    wasi.initialize(inst);
    const e = inst.exports;
    if (e.pa_init() !== 0) die('pa_init failed');
    return e;
}

function put(e, bytes) {
    const p = e.pa_alloc(bytes.length);
    if (!p) die('pa_alloc failed');
    new Uint8Array(e.memory.buffer, p, bytes.length).set(bytes);
    return p;
}

// Run source in __main__; true when the guest reports success (status 0).
function exec(e, src, name = '<string>') {
    const s = Buffer.from(src, 'utf8'), n = Buffer.from(name, 'utf8');
    const ps = put(e, s), pn = put(e, n);
    const status = e.pa_exec(ps, s.length, pn, n.length);
    e.pa_free(ps);
    e.pa_free(pn);
    return status === 0;
}

// Node 20 crashes (SIGSEGV in generated code) after ~10 instances of this
// module have been dropped without a full collection in between; collecting
// before each new instance (outside the timed part) avoids it.  Needs
// --expose-gc, which run.py passes.
const collect = () => globalThis.gc?.();
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (x) => Math.round(x * 1e4) / 1e4;

switch (args.mode) {
case 'file': case 'code': {
    const e = await start(1);
    const src = args.mode === 'file' ? fs.readFileSync(args.file, 'utf8') : args.code;
    process.exitCode = exec(e, src, args.mode === 'file' ? args.file : '<string>') ? 0 : 1;
    break;
}
case 'fresh': {
    const ms = [];
    for (let i = 0; i < args.n; i++) {
        collect();
        const t = now();
        const e = await start(devnull);
        if (!exec(e, args.code)) die('the code failed');
        ms.push(round(now() - t));
    }
    console.log(JSON.stringify({ ms }));
    break;
}
case 'warm': {
    const e = await start(devnull);
    const ms = [];
    for (let i = 0; i < args.n; i++) {
        const t = now();
        if (!exec(e, args.code)) die('the code failed');
        ms.push(round(now() - t));
    }
    console.log(JSON.stringify({ ms }));
    break;
}
case 'idle': {
    const keep = [];
    // One first, so the process's fixed costs (compiled code, WASI) are in
    // the baseline rather than charged to the instances.
    keep.push(await start(devnull));
    exec(keep[0], 'x = 1');
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < args.n; i++) {
        const e = await start(devnull);
        if (!exec(e, 'x = 1')) die('x = 1 failed');
        keep.push(e);
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
        collect();
        const e = await start(devnull);
        if (!exec(e, args.code)) die('the code failed');
        runs++;
    }
    console.log(JSON.stringify({ runs, seconds: round((now() - t0) / 1000) }));
    break;
}
}
