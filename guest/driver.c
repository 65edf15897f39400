/*
** driver.c — the guest side of PolyAgent: a WASI *reactor* around CPython.
**
** A reactor has no main(): the host calls _initialize (libc constructors),
** then our exports.  The interpreter therefore lives in linear memory between
** calls, and __main__ persists from one pa_exec() to the next, like a REPL.
**
** Exports (all sizes in bytes, all pointers guest addresses):
**   pa_alloc(n) / pa_free(p)   buffers the host fills with source code
**   pa_init()                  start the interpreter; 0 on success
**   pa_exec(src, len, name, n) run UTF-8 source in __main__; returns status
**   pa_result()                address of the outcome record (below)
**   pa_prepare(src, len)       run source in a private namespace (the host
**                              pre-imports modules with it before it saves
**                              a snapshot); same statuses as pa_exec
**   pa_reseed()                re-seed state a snapshot froze (random's
**                              generator, tempfile's names); the host calls
**                              it on every interpreter restored from one
**   pa_reset_stdin()           drop what sys.stdin buffered from an earlier
**                              call's input (the host calls it before a call
**                              when the previous one read stdin)
**
** The outcome is reported in a fixed record, never by scraping stderr, so the
** host can tell "the program printed 'Traceback'" from "the program failed".
** Its strings are owned by the driver and stay valid until the next pa_exec.
** Everything here runs with the guest's privileges only: it is not trusted
** by the host, which re-validates every pointer and length it reads back.
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(#name)))

/* Values of pa_record.status; the host maps them to its own enum. */
enum {
    PA_OK = 0,          /* ran to the end (or sys.exit(0)/sys.exit(None)) */
    PA_EXCEPTION = 1,   /* uncaught exception, including SyntaxError */
    PA_EXIT = 2,        /* sys.exit(n) with n != 0 */
    PA_NOMEM = 3,       /* uncaught MemoryError */
    PA_NOT_READY = 4,   /* pa_init() was not called or failed */
};

/* Layout shared with the host (src/runtime/guest_abi.h): 9 little-endian u32. */
typedef struct pa_record {
    uint32_t status;
    int32_t exit_code;
    uint32_t str[3][2];   /* (ptr, len) of: type name, message, traceback */
    uint32_t reserved;
} pa_record;

/* The real builtins.compile, kept from start-up: user code may replace the
** one in the builtins module, and what we evaluate must be a code object. */
static PyObject *real_compile;
/* traceback.format_exception, taken at start-up for the same reason: a
** program that breaks imports (builtins.__import__ = None, sys.modules
** cleared) must still get its traceback, as native python prints it. */
static PyObject *format_exception;

static pa_record record;
static char *rec_strings[3];
static int ready;

EXPORT(pa_alloc) void *pa_alloc(uint32_t n) { return malloc(n ? n : 1); }
EXPORT(pa_free) void pa_free(void *p) { free(p); }
EXPORT(pa_result) pa_record *pa_result(void) { return &record; }

static void record_reset(void) {
    for (int i = 0; i < 3; i++) {
        free(rec_strings[i]);
        rec_strings[i] = NULL;
    }
    memset(&record, 0, sizeof record);
}

/* Keep a private copy of a UTF-8 string in slot i of the record. */
static void record_string(int i, const char *s, Py_ssize_t n) {
    char *copy = malloc((size_t)n + 1);
    if (!copy) return; /* the record simply stays empty under OOM */
    memcpy(copy, s, (size_t)n);
    copy[n] = 0;
    rec_strings[i] = copy;
    record.str[i][0] = (uint32_t)(uintptr_t)copy;
    record.str[i][1] = (uint32_t)n;
}

static void record_object_str(int i, PyObject *o) {
    if (!o) return;
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s) record_string(i, s, n);
    else PyErr_Clear();
}

static void flush_stdio(void) {
    static const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]); /* borrowed */
        if (!f || f == Py_None) continue;
        PyObject *r = PyObject_CallMethod(f, "flush", NULL);
        if (r) Py_DECREF(r);
        else PyErr_Clear();
    }
}

/* Write text to sys.stderr the way the interpreter would. */
static void write_stderr(PyObject *text) {
    PyObject *f = PySys_GetObject("stderr");
    if (!f || f == Py_None) return;
    PyObject *r = PyObject_CallMethod(f, "write", "O", text);
    if (r) Py_DECREF(r);
    else PyErr_Clear();
}

/* sys.exit(code): mirror CPython's own rules (None -> 0, int -> int, any
** other object is printed to stderr and means 1). */
static void handle_system_exit(PyObject *exc) {
    PyObject *code = PyObject_GetAttrString(exc, "code");
    int ec = 1;
    if (!code) {
        PyErr_Clear();
    } else if (code == Py_None) {
        ec = 0;
    } else if (PyLong_Check(code)) {
        int overflow = 0;
        long v = PyLong_AsLongAndOverflow(code, &overflow);
        ec = overflow ? -1 : (int)v;
        if (PyErr_Occurred()) PyErr_Clear();
    } else {
        PyObject *s = PyObject_Str(code);
        if (s) {
            PyObject *line = PyUnicode_FromFormat("%U\n", s);
            if (line) { write_stderr(line); Py_DECREF(line); }
            record_object_str(1, s);
            Py_DECREF(s);
        }
        PyErr_Clear();
    }
    Py_XDECREF(code);
    record.exit_code = ec;
    record.status = ec == 0 ? PA_OK : PA_EXIT;
    if (ec != 0) {
        record_string(0, "SystemExit", 10);
        if (!record.str[1][0]) {
            char buf[24];
            int n = snprintf(buf, sizeof buf, "%d", ec);
            record_string(1, buf, n);
        }
    }
}

/* Uncaught exception: print the traceback to stderr exactly as python does
** and copy type name, message and traceback text into the record. */
static void handle_exception(PyObject *exc) {
    int is_mem = PyErr_GivenExceptionMatches(exc, PyExc_MemoryError);
    record.status = is_mem ? PA_NOMEM : PA_EXCEPTION;
    record.exit_code = 1;

    /* Copy the name now: user code run below (__str__, traceback hooks) can
    ** rename the class and free the buffer tp_name points to. */
    const char *tp = Py_TYPE(exc)->tp_name;
    const char *dot = strrchr(tp, '.');
    tp = dot ? dot + 1 : tp;
    record_string(0, tp, (Py_ssize_t)strlen(tp));
    const char *tname = rec_strings[0] ? rec_strings[0] : "Exception";

    PyObject *msg = PyObject_Str(exc);
    if (msg) { record_object_str(1, msg); Py_DECREF(msg); }
    else PyErr_Clear();

    PyObject *tb_text = NULL, *lines = NULL;
    if (format_exception) lines = PyObject_CallFunctionObjArgs(format_exception, exc, NULL);
    if (lines) {
        PyObject *empty = PyUnicode_FromString("");
        if (empty) {
            tb_text = PyUnicode_Join(empty, lines);
            Py_DECREF(empty);
        }
    }
    if (tb_text) {
        write_stderr(tb_text);
        record_object_str(2, tb_text);
    } else {
        /* Formatting itself failed (e.g. out of memory): say at least the type. */
        PyErr_Clear();
        PyObject *line = PyUnicode_FromFormat("%s\n", tname);
        if (line) { write_stderr(line); Py_DECREF(line); }
    }
    Py_XDECREF(tb_text);
    Py_XDECREF(lines);
    PyErr_Clear();
}

EXPORT(pa_init) int pa_init(void) {
    if (ready) return 0;
    PyStatus st;
    PyPreConfig pre;
    PyPreConfig_InitIsolatedConfig(&pre);
    pre.utf8_mode = 1; /* as native python in the C/POSIX locale */
    st = Py_PreInitialize(&pre);
    if (PyStatus_Exception(st)) return 1;

    PyConfig cfg;
    PyConfig_InitIsolatedConfig(&cfg);
    cfg.site_import = 0;
    cfg.write_bytecode = 0;
    cfg.install_signal_handlers = 0;
    cfg.user_site_directory = 0;
    cfg.use_environment = 0;
    cfg.safe_path = 1;
    cfg.module_search_paths_set = 1;
    st = PyWideStringList_Append(&cfg.module_search_paths, L"/lib/python311.zip");
    /* Time zones in a zip of their own: only opened when tzdata is imported. */
    if (!PyStatus_Exception(st))
        st = PyWideStringList_Append(&cfg.module_search_paths, L"/lib/tzdata.zip");
    if (!PyStatus_Exception(st)) st = PyConfig_SetString(&cfg, &cfg.program_name, L"python");
    if (!PyStatus_Exception(st)) st = PyConfig_SetString(&cfg, &cfg.home, L"/lib");
    if (!PyStatus_Exception(st)) st = Py_InitializeFromConfig(&cfg);
    PyConfig_Clear(&cfg);
    if (PyStatus_Exception(st)) return 2;
    PyObject *builtins = PyImport_ImportModule("builtins");
    real_compile = builtins ? PyObject_GetAttrString(builtins, "compile") : NULL;
    Py_XDECREF(builtins);
    if (!real_compile) return 3;
    PyObject *tbmod = PyImport_ImportModule("traceback");
    format_exception = tbmod ? PyObject_GetAttrString(tbmod, "format_exception") : NULL;
    Py_XDECREF(tbmod);
    if (!format_exception) return 4;
    ready = 1;
    return 0;
}

/* Make the source of a named file visible to tracebacks (linecache), as if it
** were on disk: the guest cannot see the host file the code came from. */
static void register_source(PyObject *name, PyObject *src) {
    PyObject *lc = PyImport_ImportModule("linecache");
    PyObject *cache = lc ? PyObject_GetAttrString(lc, "cache") : NULL;
    PyObject *lines = src ? PyObject_CallMethod(src, "splitlines", "O", Py_True) : NULL;
    if (cache && lines) {
        PyObject *entry = Py_BuildValue("(nOOO)", PyUnicode_GetLength(src), Py_None, lines, name);
        if (entry) {
            PyObject_SetItem(cache, name, entry);
            Py_DECREF(entry);
        }
    }
    Py_XDECREF(lines);
    Py_XDECREF(cache);
    Py_XDECREF(lc);
    PyErr_Clear();
}

/* Compile and run source in `globals`; NULL (with an exception set) on failure. */
static PyObject *run_source(const char *src, uint32_t len, PyObject *fname, PyObject *globals) {
    /* Compile from bytes so a coding cookie and the BOM behave as in a file. */
    PyObject *bytes = PyBytes_FromStringAndSize(src, len);
    PyObject *code = bytes ? PyObject_CallFunction(real_compile, "OOs", bytes, fname, "exec") : NULL;
    Py_XDECREF(bytes);
    if (code && !PyCode_Check(code)) {
        Py_CLEAR(code);
        PyErr_SetString(PyExc_TypeError, "compile() did not return a code object");
    }
    PyObject *result = code ? PyEval_EvalCode(code, globals, globals) : NULL;
    Py_XDECREF(code);
    return result;
}

/* Turn the outcome of a run (result, or the pending exception) into the record. */
static void record_outcome(PyObject *result) {
    if (result) {
        record.status = PA_OK;
    } else {
        /* 3.11 has no PyErr_GetRaisedException: fetch, normalise, and
        ** attach the traceback so format_exception sees all of it. */
        PyObject *type = NULL, *value = NULL, *tb = NULL;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        if (value && tb) PyException_SetTraceback(value, tb);
        if (!value) {
            record.status = PA_EXCEPTION;
            record.exit_code = 1;
        } else if (PyErr_GivenExceptionMatches(value, PyExc_SystemExit)) {
            handle_system_exit(value);
        } else {
            handle_exception(value);
        }
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
    }
}

EXPORT(pa_exec) uint32_t pa_exec(const char *src, uint32_t len, const char *name, uint32_t name_len) {
    record_reset();
    if (!ready) {
        record.status = PA_NOT_READY;
        record.exit_code = 1;
        return record.status;
    }
    PyObject *main = PyImport_AddModule("__main__"); /* borrowed */
    PyObject *globals = main ? PyModule_GetDict(main) : NULL;
    PyObject *fname = PyUnicode_DecodeUTF8(name, name_len, "surrogateescape");
    PyObject *source = PyUnicode_DecodeUTF8(src, len, "surrogateescape");
    PyObject *result = NULL;
    if (globals && fname && source) {
        if (PyUnicode_GetLength(fname) > 0 && PyUnicode_READ_CHAR(fname, 0) != '<')
            register_source(fname, source);
        result = run_source(src, len, fname, globals);
    }
    record_outcome(result);
    Py_XDECREF(result);
    Py_XDECREF(source);
    Py_XDECREF(fname);
    flush_stdio();
    return record.status;
}

EXPORT(pa_prepare) uint32_t pa_prepare(const char *src, uint32_t len) {
    record_reset();
    if (!ready) {
        record.status = PA_NOT_READY;
        record.exit_code = 1;
        return record.status;
    }
    PyObject *globals = PyDict_New();
    PyObject *fname = PyUnicode_FromString("<prepare>");
    PyObject *result = NULL;
    if (globals && fname && PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) == 0)
        result = run_source(src, len, fname, globals);
    record_outcome(result);
    Py_XDECREF(result);
    Py_XDECREF(fname);
    Py_XDECREF(globals);
    flush_stdio();
    return record.status;
}

/* Each call has its own stdin, but sys.stdin is a buffered reader that
** keeps what it read ahead: a session's next call would see the rest of the
** previous call's input.  Give sys.stdin a new reader, made the way
** start-up makes it (UTF-8, surrogateescape, named "<stdin>").  If the
** program replaced sys.stdin with its own object, that object is left
** alone.  Returns 0, or 1 if a new reader could not be made. */
EXPORT(pa_reset_stdin) uint32_t pa_reset_stdin(void) {
    if (!ready) return 1;
    PyObject *cur = PySys_GetObject("stdin"), *orig = PySys_GetObject("__stdin__"); /* borrowed */
    if (!cur || cur != orig) return 0;
    PyObject *io = PyImport_ImportModule("io");
    PyObject *f = io ? PyObject_CallMethod(io, "open", "isisssO", 0, "r", -1, "utf-8", "surrogateescape",
                                          NULL, Py_False) : NULL;
    /* io.open(fd, mode, buffering, encoding, errors, newline, closefd) */
    PyObject *buf = f ? PyObject_GetAttrString(f, "buffer") : NULL;
    PyObject *raw = buf ? PyObject_GetAttrString(buf, "raw") : NULL;
    PyObject *name = PyUnicode_FromString("<stdin>");
    int ok = raw && name && PyObject_SetAttrString(raw, "name", name) == 0 &&
             PySys_SetObject("stdin", f) == 0 && PySys_SetObject("__stdin__", f) == 0;
    Py_XDECREF(name);
    Py_XDECREF(raw);
    Py_XDECREF(buf);
    Py_XDECREF(f);
    Py_XDECREF(io);
    if (!ok) PyErr_Clear();
    return ok ? 0 : 1;
}

/* A snapshot freezes every generator's state: without this, every execution
** restored from one image would draw the same random.random() sequence and
** the same tempfile names.  (The str hash secret is frozen too and cannot be
** changed under live dicts; it is random per image instead.)  Returns 0, or
** 1 if reseeding failed (the host must not run code on such an instance). */
EXPORT(pa_reseed) uint32_t pa_reseed(void) {
    if (!ready) return 1;
    PyObject *modules = PyImport_GetModuleDict(); /* borrowed */
    PyObject *random = PyDict_GetItemString(modules, "random");
    if (random) {
        PyObject *inst = PyObject_GetAttrString(random, "_inst");
        PyObject *r = inst ? PyObject_CallMethod(inst, "seed", NULL) : NULL;
        Py_XDECREF(inst);
        if (!r) { PyErr_Clear(); return 1; }
        Py_DECREF(r);
    }
    PyObject *tempfile = PyDict_GetItemString(modules, "tempfile");
    if (tempfile && PyObject_SetAttrString(tempfile, "_name_sequence", Py_None) != 0) {
        PyErr_Clear();
        return 1;
    }
    return 0;
}
