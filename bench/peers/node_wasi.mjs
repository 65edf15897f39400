// bench/peers/node_wasi.mjs — our python.wasm under Node's built-in WASI (V8).
//
// The peer that shares our guest but not our engine: the same reactor module
// (driver.c's pa_init / pa_exec exports), run by V8's JIT with Node's uvwasi
// instead of wasm2c + gcc + src/wasi.  The stdlib zip is given to the guest
// through a preopened /lib directory, as our own WASI layer shows it.
//
//   node --expose-gc node_wasi.mjs --lib DIR --wasm python.wasm MODE
//   MODE: see harness.mjs (--file, --code, --fresh, --warm, --idle, --for).
import { WASI } from 'node:wasi';
import fs from 'node:fs';
import { die, measure, parseArgs } from './harness.mjs';

const NAME = 'node_wasi.mjs';
const args = parseArgs(NAME, process.argv.slice(2), ['lib', 'wasm']);
const module = await WebAssembly.compile(fs.readFileSync(args.wasm));
const devnull = fs.openSync('/dev/null', 'w');

// A started interpreter: a fresh WASI context (one per instance, as Node
// allows initialize() once), _initialize, then the driver's pa_init.
async function start(loud) {
    const wasi = new WASI({
        version: 'preview1', args: ['python'], env: {}, returnOnExit: true,
        preopens: { '/lib': args.lib }, stdout: loud ? 1 : devnull, stderr: loud ? 2 : devnull,
    });
    const inst = await WebAssembly.instantiate(module, wasi.getImportObject());
    wasi.initialize(inst);
    const e = inst.exports;
    if (e.pa_init() !== 0) die(NAME, 'pa_init failed');
    return e;
}

function put(e, bytes) {
    const p = e.pa_alloc(bytes.length);
    if (!p) die(NAME, 'pa_alloc failed');
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
// --expose-gc, which peers/run.py passes.
await measure(NAME, args, { start, exec, beforeFresh: () => globalThis.gc?.() },
              (f) => fs.readFileSync(f, 'utf8'));
