// bench/peers/pyodide_run.mjs — Pyodide (CPython compiled by Emscripten) in Node.
//
// What langchain-sandbox and mcp-run-python run.  The package is pinned in
// package.json / package-lock.json (0.25.1: CPython 3.11, the same minor
// version as our guest) and installed by `npm ci` into bench/peers.
//
//   node pyodide_run.mjs MODE
//   MODE: see harness.mjs (--file, --code, --fresh, --warm, --idle, --for).
import fs from 'node:fs';
import { loadPyodide } from 'pyodide';
import { measure, parseArgs } from './harness.mjs';

const NAME = 'pyodide_run.mjs';
const args = parseArgs(NAME, process.argv.slice(2));
const quiet = { stdout: () => {}, stderr: () => {} };
// Pyodide hands output over line by line; write it out unchanged.
const loud = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };

function exec(py, src, name) {
    try {
        py.runPython(src, name ? { filename: name } : undefined);
        return true;
    } catch (err) {
        process.stderr.write(String(err.message || err) + '\n');
        return false;
    }
}

await measure(NAME, args, { start: (isLoud) => loadPyodide(isLoud ? loud : quiet), exec },
              (f) => fs.readFileSync(f, 'utf8'));
