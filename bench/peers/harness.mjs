// bench/peers/harness.mjs — the measuring modes both Node peers share.
//
// A peer supplies how to start an interpreter and how to run source in it;
// this module parses the command line and does the rest, so that the two
// peers are measured by the same code:
//
//   MODE:  --file PROG.py        one interpreter, run the file, print its output
//          --code SRC            one interpreter, run SRC, print its output
//          --fresh N --code SRC  N times: new interpreter + SRC (output dropped);
//                                prints {"ms": [...]}, one time per run
//          --warm N --code SRC   one interpreter, SRC N times; {"ms": [...]}
//          --idle N              N more live interpreters after `x = 1`;
//                                prints {"rss_kb_per_instance": ...}
//          --for SECONDS --code SRC
//                                new interpreters back to back for SECONDS;
//                                prints {"runs": n, "seconds": s}
// Exit status: 0; 1 when the Python code failed; 2 on a usage error.

export function die(name, msg) {
    process.stderr.write(`${name}: ${msg}\n`);
    process.exit(2);
}

// options: names of extra `--key VALUE` options the peer requires.
export function parseArgs(name, argv, options = []) {
    const a = { mode: null, n: 0, code: null, file: null };
    for (const o of options) a[o] = null;
    for (let i = 0; i < argv.length; i++) {
        const k = argv[i], v = argv[i + 1];
        if (['--fresh', '--warm', '--idle', '--for'].includes(k)) {
            a.mode = k.slice(2);
            a.n = Number(v);
            if (!(a.n > 0)) die(name, `${k} needs a positive number`);
        } else if (k === '--code') {
            a.code = v;
        } else if (k === '--file') {
            a.file = v;
            a.mode = a.mode || 'file';
        } else if (k.startsWith('--') && options.includes(k.slice(2))) {
            a[k.slice(2)] = v;
        } else {
            die(name, `unknown argument '${k}'`);
        }
        if (v === undefined) die(name, `${k} needs a value`);
        i++;
    }
    for (const o of options) if (a[o] === null) die(name, `--${o} is required`);
    if (!a.mode && a.code !== null) a.mode = 'code';
    if (!a.mode) die(name, 'no mode given');
    if (['fresh', 'warm', 'for'].includes(a.mode) && a.code === null) die(name, `--${a.mode} needs --code`);
    return a;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (x) => Math.round(x * 1e4) / 1e4;

// peer.start(loud) -> interpreter (loud: its output goes to ours, else is
// dropped); peer.exec(interp, src, filename?) -> true when the code ran
// without error; peer.beforeFresh(), optional, runs untimed before each new
// interpreter of --fresh and --for.
export async function measure(name, a, peer, readFile) {
    const before = peer.beforeFresh || (() => {});
    const need = (ok) => { if (!ok) die(name, 'the code failed'); };
    switch (a.mode) {
    case 'file': case 'code': {
        const py = await peer.start(true);
        const src = a.mode === 'file' ? readFile(a.file) : a.code;
        process.exitCode = peer.exec(py, src, a.mode === 'file' ? a.file : undefined) ? 0 : 1;
        return;
    }
    case 'fresh': case 'warm': {
        const ms = [];
        const warm = a.mode === 'warm' ? await peer.start(false) : null;
        for (let i = 0; i < a.n; i++) {
            if (!warm) before();
            const t = now();
            need(peer.exec(warm || await peer.start(false), a.code));
            ms.push(round(now() - t));
        }
        console.log(JSON.stringify({ ms }));
        return;
    }
    case 'idle': {
        // One first, so the process's fixed costs (compiled code, runtime)
        // are in the baseline rather than charged to the instances.
        const keep = [await peer.start(false)];
        need(peer.exec(keep[0], 'x = 1'));
        globalThis.gc?.();
        const rss0 = process.memoryUsage().rss;
        for (let i = 0; i < a.n; i++) {
            const py = await peer.start(false);
            need(peer.exec(py, 'x = 1'));
            keep.push(py);
        }
        globalThis.gc?.();
        const rss1 = process.memoryUsage().rss;
        console.log(JSON.stringify({ instances: a.n, rss_kb_per_instance: round((rss1 - rss0) / 1024 / a.n) }));
        return;
    }
    case 'for': {
        const t0 = now(), end = t0 + a.n * 1000;
        let runs = 0;
        while (now() < end) {
            before();
            need(peer.exec(await peer.start(false), a.code));
            runs++;
        }
        console.log(JSON.stringify({ runs, seconds: round((now() - t0) / 1000) }));
        return;
    }
    }
}
