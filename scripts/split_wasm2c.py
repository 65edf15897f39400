#!/usr/bin/env python3
"""split_wasm2c.py IN.c IN.h OUTDIR N — cut wasm2c 1.0.32 output into N+1 units.

wasm2c 1.0.32 writes one C file (~60 MB for our CPython) and has no
--num-outputs.  One translation unit takes gcc -O2 minutes and gigabytes, and
uses one core.  This splitter produces:

  OUTDIR/w2c_shared.h  the prelude (runtime macros, static inline helpers),
                       extern declarations of shared state and prototypes of
                       every module function, made non-static;
  OUTDIR/w2c_main.c    state, data and element segments, exports,
                       instantiate/free — everything that is not a function;
  OUTDIR/w2c_snapshot.h what snapshots need: PA_W2C_GLOBALS(X), an X-macro
                       over the instance's globals (saved and restored), and
                       Z_<mod>_instantiate_bare (added to w2c_main.c): the
                       instantiation without copying data segments into
                       memory, for instances whose memory is an image;
  OUTDIR/w2c_fN.c      the module functions, in their original order (the
                       wasm order follows the link order, so functions of one C
                       source file stay together and gcc can still inline
                       within a unit), in N chunks of about equal size.

The layout it relies on is checked, not assumed: if wasm2c's output changes
shape the script fails loudly instead of producing something subtly wrong.
Files are only rewritten when their content changes, so ccache and make see
unchanged units as unchanged.
"""
import os
import re
import sys
import zlib

CUT_EVERY = 64    # ~1 in 64 functions may end a unit ...
MIN_FILL = 0.85   # ... once the unit holds 85% of its share
MAX_FILL = 1.6    # a unit this full ends regardless

PROTO = re.compile(r"^static ([\w ]+?\**) ?(w2c_\w+)\(Z_\w+_instance_t\*.*\);$")
# A definition's parameter list may wrap over several lines.
DEFN = re.compile(r"^static ([\w ]+?\**) ?(w2c_\w+)\(Z_\w+_instance_t\* instance[^;]*$")
STATE = {
    "static bool s_module_initialized = false;": None,
}
FUNC_TYPES = re.compile(r"^static u32 func_types\[(\d+)\];$")
# Loads and stores go through the instance's memory struct; see MEMBASE.
MEM_ACCESS = re.compile(r"\b((?:i32|i64|f32|f64)_(?:load|store)(?:8|16|32)?(?:_[su])?)\(&instance->w2c_memory, ")

# wasm2c reads instance->w2c_memory.data again for every load and store, and
# since a store through a u8 pointer may alias any memory, gcc must reload it
# after every store.  Our runtime never moves a memory (8 GiB reservation,
# grown in place: see wasm_rt_grow_memory), so each function can read the base
# once into a local and access memory through that: no aliasing assumptions
# change, the reloads just become unnecessary.
MEMBASE_HELPERS = """
/* Base-pointer variants of wasm2c's loads/stores (scripts/split_wasm2c.py). */
#define DEFINE_LOAD_B(name, t1, t2, t3)                     \\
  static inline t3 name##_b(u8* base, u64 addr) {           \\
    t1 result;                                              \\
    wasm_rt_memcpy(&result, base + addr, sizeof(t1));       \\
    return (t3)(t2)result;                                  \\
  }
#define DEFINE_STORE_B(name, t1, t2)                             \\
  static inline void name##_b(u8* base, u64 addr, t2 value) {   \\
    t1 wrapped = (t1)value;                                      \\
    wasm_rt_memcpy(base + addr, &wrapped, sizeof(t1));           \\
  }
DEFINE_LOAD_B(i32_load, u32, u32, u32)
DEFINE_LOAD_B(i64_load, u64, u64, u64)
DEFINE_LOAD_B(f32_load, f32, f32, f32)
DEFINE_LOAD_B(f64_load, f64, f64, f64)
DEFINE_LOAD_B(i32_load8_s, s8, s32, u32)
DEFINE_LOAD_B(i64_load8_s, s8, s64, u64)
DEFINE_LOAD_B(i32_load8_u, u8, u32, u32)
DEFINE_LOAD_B(i64_load8_u, u8, u64, u64)
DEFINE_LOAD_B(i32_load16_s, s16, s32, u32)
DEFINE_LOAD_B(i64_load16_s, s16, s64, u64)
DEFINE_LOAD_B(i32_load16_u, u16, u32, u32)
DEFINE_LOAD_B(i64_load16_u, u16, u64, u64)
DEFINE_LOAD_B(i64_load32_s, s32, s64, u64)
DEFINE_LOAD_B(i64_load32_u, u32, u64, u64)
DEFINE_STORE_B(i32_store, u32, u32)
DEFINE_STORE_B(i64_store, u64, u64)
DEFINE_STORE_B(f32_store, f32, f32)
DEFINE_STORE_B(f64_store, f64, f64)
DEFINE_STORE_B(i32_store8, u8, u32)
DEFINE_STORE_B(i32_store16, u16, u32)
DEFINE_STORE_B(i64_store8, u8, u64)
DEFINE_STORE_B(i64_store16, u16, u64)
DEFINE_STORE_B(i64_store32, u32, u64)
"""
MEMBASE_DECL = "  u8* const w2c_mbase = instance->w2c_memory.data;"


def fail(msg):
    sys.exit(f"split_wasm2c: {msg}")


def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


INSTANCE_FIELD = re.compile(r"^\s+(.+?)\s*\b(\w+);$")


def bare_instantiate(main_lines):
    """A copy of instantiate that leaves the data segments out: an instance
    that maps a snapshot over its memory right away would copy megabytes
    into pages it then throws away."""
    text = "\n".join(main_lines)
    mem = re.search(r"^static void init_memories\((Z_\w+_instance_t)\* instance\) \{\n(.*?)\n\}$", text, re.M | re.S)
    inst = re.search(r"^void (Z_\w+)_instantiate\((.*?)\) \{\n(.*?)\n\}$", text, re.M | re.S)
    if not mem or not inst:
        fail("init_memories / instantiate not found (wasm2c version changed?)")
    body = [l for l in mem.group(2).split("\n") if not l.strip().startswith("LOAD_DATA(")]
    if not all(l.strip().startswith("wasm_rt_allocate_memory(") for l in body):
        fail("init_memories holds more than allocations and data loads")
    if inst.group(3).count("init_memories(instance);") != 1:
        fail("instantiate does not call init_memories once")
    mod = inst.group(1)
    out = [f"static void init_memories_bare({mem.group(1)}* instance) {{"] + body + ["}", ""]
    out += [f"void {mod}_instantiate_bare({inst.group(2)}) {{",
            inst.group(3).replace("init_memories(instance);", "init_memories_bare(instance);"), "}", ""]
    return mod, inst.group(2), out


def globals_header(hdr_text, mod, inst_params):
    """The instance struct's globals, as an X-macro.  Every other field must
    be of a kind we know is not guest state or is handled elsewhere (import
    instance pointers; the memory and the table, which snapshots handle
    themselves) -- anything new is a reason to stop, not to guess."""
    m = re.search(r"typedef struct (Z_\w+_instance_t) \{\n(.*?)\n\} \1;", hdr_text, re.S)
    if not m:
        fail("instance struct not found in the module header")
    names = []
    kinds = {}
    for line in m.group(2).split("\n"):
        f = INSTANCE_FIELD.match(line)
        if not f:
            fail(f"unexpected instance field line: {line!r}")
        ctype, name = f.group(1), f.group(2)
        if ctype in ("u32", "u64", "f32", "f64"):
            names.append((ctype, name))
        elif ctype.startswith("struct ") and ctype.endswith("*"):
            pass  # an imported module's instance
        elif ctype in ("wasm_rt_memory_t", "wasm_rt_funcref_table_t"):
            # Snapshots handle exactly one memory (w2c_memory) and one table.
            kinds[ctype] = kinds.get(ctype, 0) + 1
            if kinds[ctype] > 1 or (ctype == "wasm_rt_memory_t" and name != "w2c_memory"):
                fail(f"more than one {ctype} (or not named w2c_memory): snapshots would miss it")
        else:
            fail(f"instance field of unknown kind: {ctype} {name}")
    out = ["/* Generated by scripts/split_wasm2c.py. Do not edit. */",
           "#ifndef W2C_SNAPSHOT_H", "#define W2C_SNAPSHOT_H",
           "/* X(type, field) for every global of the module instance. */",
           "#define PA_W2C_GLOBALS(X) \\"]
    out += [f"  X({t}, {n}) \\" for t, n in names]
    out += ["", f"#define PA_W2C_NGLOBALS {len(names)}",
            "/* instantiate, minus the data segments (see split_wasm2c.py). */",
            f"void {mod}_instantiate_bare({inst_params});",
            "#endif", ""]
    return "\n".join(out)


def main(src, hdr, outdir, n):
    with open(src) as f:
        lines = f.read().split("\n")
    hdr_name = os.path.basename(hdr)

    # 1. prelude: everything before the module's own state.
    try:
        state_at = lines.index("static bool s_module_initialized = false;")
    except ValueError:
        fail("module state marker not found (wasm2c version changed?)")
    prelude = lines[:state_at]

    # 2. function prototypes and function bodies.
    protos = {}
    ft_count = None
    main_lines = []
    bodies = []          # (name, [lines])
    i = state_at
    while i < len(lines):
        line = lines[i]
        m = FUNC_TYPES.match(line)
        if m:
            ft_count = int(m.group(1))
            main_lines.append(f"u32 func_types[{ft_count}];")
            i += 1
            continue
        m = PROTO.match(line)
        if m:
            protos[m.group(2)] = line[len("static "):]
            i += 1
            continue
        m = DEFN.match(line)
        if m and m.group(2) in protos:
            j = i
            while lines[j] != "}":
                j += 1
                if j >= len(lines):
                    fail(f"unterminated function {m.group(2)}")
            body = lines[i:j + 1]
            body[0] = body[0][len("static "):]
            k = 0
            while not body[k].endswith("{"):  # the signature may wrap
                k += 1
            rest = [MEM_ACCESS.sub(r"\1_b(w2c_mbase, ", l) for l in body[k + 1:]]
            if rest != body[k + 1:]:
                body = body[:k + 1] + [MEMBASE_DECL] + rest
            bodies.append((m.group(2), body))
            i = j + 1
            continue
        main_lines.append(line)
        i += 1
    # Snapshots restore memory and globals but not the function table, which
    # is only correct while no guest code writes the table (table.set, grow,
    # fill, copy, init).  Ours never does; check it, don't assume it.
    table_write = re.compile(r"w2c_T\d+\.data\[[^\]]*\]\s*=[^=]|_table_(?:set|fill|copy|init|grow)\(|grow_(?:funcref|externref)_table")
    for name, body in bodies:
        if any(table_write.search(l) for l in body):
            fail(f"{name} writes the function table: snapshots would not restore it")
    if ft_count is None or not protos or len(bodies) != len(protos):
        fail(f"unexpected layout: {len(protos)} prototypes, {len(bodies)} bodies, "
             f"func_types={ft_count}")

    # The prelude includes the module header by its original name.
    prelude_text = "\n".join(prelude).replace(f'#include "{hdr_name}"', '#include "w2c_module.h"')
    # wasm2c forces every loaded value into a register with an empty asm so
    # that a load whose result is unused still traps when out of bounds.  That
    # blocks load folding and reuse throughout the interpreter.  Dropping it
    # only means an unused out-of-bounds load may not trap: no memory outside
    # the sandbox is read either way, so isolation is unchanged.
    barrier = '    wasm_asm("" ::"r"(result));                            \\\n'
    if prelude_text.count(barrier) != 1:
        fail("load barrier not found where expected (wasm2c version changed?)")
    prelude_text = prelude_text.replace(barrier, "")
    shared = [
        "/* Generated by scripts/split_wasm2c.py from wasm2c output. Do not edit. */",
        "#ifndef W2C_SHARED_H",
        "#define W2C_SHARED_H",
        prelude_text,
        MEMBASE_HELPERS,
        "/* Shared module state (defined in w2c_main.c). */",
        f"extern u32 func_types[{ft_count}];",
        "/* Every module function, visible to every unit. */",
    ]
    shared += [p for p in protos.values()]
    shared += ["#endif", ""]

    os.makedirs(outdir, exist_ok=True)
    with open(hdr) as f:
        hdr_text = f.read()
    write_if_changed(os.path.join(outdir, "w2c_module.h"), hdr_text)
    mod, inst_params, bare = bare_instantiate(main_lines)
    write_if_changed(os.path.join(outdir, "w2c_snapshot.h"), globals_header(hdr_text, mod, inst_params))
    write_if_changed(os.path.join(outdir, "w2c_shared.h"), "\n".join(shared))
    write_if_changed(os.path.join(outdir, "w2c_main.c"),
                     '#include "w2c_shared.h"\n' + "\n".join(main_lines + bare) + "\n")

    # Unit boundaries are content-defined: a unit ends after a function whose
    # name hashes to 0 mod CUT_EVERY, once the unit is big enough.  Names are
    # stable, so a change in one place (e.g. the driver, linked first) moves
    # no boundary elsewhere and only its own unit recompiles; cutting by
    # cumulative size alone would shift every later boundary.
    total = sum(sum(len(l) + 1 for l in b) for _, b in bodies)
    target = total / n
    units, chunk, size = [], [], 0
    for name, body in bodies:
        chunk.append("\n".join(body))
        size += sum(len(l) + 1 for l in body)
        cut = (size >= MIN_FILL * target and zlib.crc32(name.encode()) % CUT_EVERY == 0) \
            or size >= MAX_FILL * target
        if cut and len(units) < n - 1:
            units.append(chunk)
            chunk, size = [], 0
    units.append(chunk)
    for k in range(n):  # fewer units than asked: keep N files stable
        text = "\n\n".join(units[k]) + "\n" if k < len(units) else ""
        write_if_changed(os.path.join(outdir, f"w2c_f{k}.c"), '#include "w2c_shared.h"\n\n' + text)
    print(f"split_wasm2c: {len(bodies)} functions, {total >> 20} MiB -> {n} units")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        fail("usage: split_wasm2c.py IN.c IN.h OUTDIR N")
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
