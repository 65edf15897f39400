/*
** instance.c — one sandboxed interpreter: the wasm2c-translated CPython
** module, its WASI context, and the calls into the guest driver's exports
** (guest/driver.c: pa_alloc, pa_free, pa_init, pa_exec, pa_result).
**
** Every call into the guest is a guarded call (rt_internal.h): whatever the
** guest does — trap, fault, overflow its stack, run past its deadline, call
** proc_exit — control comes back here with a code, and we turn it into a
** pa_result.  After any such unwind the interpreter's state is torn (it was
** stopped between two arbitrary instructions), so the instance is marked dead.
**
** Nothing the guest writes is trusted: the outcome record and every string it
** points to are bounds-checked against the memory size before being copied.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance_int.h"
#include "w2c_snapshot.h"
#include "pa_runtime.h"
#include "rt_internal.h"
#include "wasi/wasi.h"

/* The stdlib and time zone images, linked into the binary by stdlib_blob.S. */
extern const uint8_t pa_stdlib_zip[];
extern const uint8_t pa_stdlib_zip_end[];
extern const uint8_t pa_tzdata_zip[];
extern const uint8_t pa_tzdata_zip_end[];

#define DEFAULT_MEMORY_MB 256
#define DEFAULT_OUTPUT_CAP (1u << 20)
#define INIT_TIMEOUT_S 60
#define TRUNC_MARKER "\n[output truncated]\n"

/* Guest driver status codes (guest/driver.c). */
enum { G_OK = 0, G_EXCEPTION = 1, G_EXIT = 2, G_NOMEM = 3, G_NOT_READY = 4 };


static pthread_once_t module_once = PTHREAD_ONCE_INIT;
static void module_init(void) { Z_python_init_module(); }


/* ---- output capture --------------------------------------------------------- */

static int buf_append(pa_buffer *b, size_t *alloc, const uint8_t *p, size_t n) {
    size_t need = b->len + n + 1;
    if (need > *alloc) { /* grow geometrically: output arrives in small writes */
        size_t want = *alloc ? *alloc : 256;
        while (want < need) {
            if (want > SIZE_MAX / 2) return -1; /* a cap near SIZE_MAX: refuse */
            want *= 2;
        }
        char *d = realloc(b->data, want);
        if (!d) return -1;
        b->data = d;
        *alloc = want;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

/* WASI write callback: keep up to cap_limit bytes per stream, forward what we
** keep to the streaming callback, drop and flag the rest. */
static void on_guest_write(void *ud, int fd, const uint8_t *data, size_t len) {
    pa_instance *in = ud;
    int i = fd == 2;
    pa_buffer *b = &in->cap[i];
    size_t room = b->len < in->cap_limit ? in->cap_limit - b->len : 0;
    size_t keep = len < room ? len : room;
    if (keep) {
        if (buf_append(b, &in->cap_alloc[i], data, keep) == 0) {
            if (in->on_output) in->on_output(in->output_ud, fd, data, keep);
        } else {
            b->truncated = true; /* host out of memory: drop, say so */
        }
    }
    if (keep < len) b->truncated = true;
}

static void capture_finish(pa_instance *in) {
    for (int i = 0; i < 2; i++) {
        pa_buffer *b = &in->cap[i];
        if (b->truncated) {
            buf_append(b, &in->cap_alloc[i], (const uint8_t *)TRUNC_MARKER, sizeof TRUNC_MARKER - 1);
            if (in->on_output)
                in->on_output(in->output_ud, i + 1, (const uint8_t *)TRUNC_MARKER, sizeof TRUNC_MARKER - 1);
        }
        if (!b->data) { /* results always carry valid, NUL-terminated strings */
            b->data = calloc(1, 1);
        }
    }
}

/* ---- guarded calls ------------------------------------------------------------ */

int pa_call_guarded(pa_instance *in, uint64_t deadline_ns, pa_guest_fn fn, void *arg) {
    sigjmp_buf target;
    if (sigsetjmp(target, 1) == 0) {
        pa_rt_guard_enter(&target, in->mod.w2c_memory.data ? &in->mod.w2c_memory : NULL, deadline_ns);
        fn(in, arg);
        pa_rt_guard_leave();
        return 0;
    }
    pa_rt_guard_leave();
    in->dead = 1;
    return pa_rt_last_unwind();
}

static void do_instantiate(pa_instance *in, void *arg) {
    Z_python_instantiate(&in->mod, arg);
}

/* For an instance whose memory is about to become an image: skip copying
** the data segments (megabytes) into pages the image then replaces. */
static void do_instantiate_bare(pa_instance *in, void *arg) {
    Z_python_instantiate_bare(&in->mod, arg);
}

static void do_init(pa_instance *in, void *arg) {
    Z_pythonZ__initialize(&in->mod);
    *(uint32_t *)arg = Z_pythonZ_pa_init(&in->mod);
}

/* ---- lifecycle ------------------------------------------------------------- */

static void reset_capture(pa_instance *in, size_t cap, pa_output_fn fn, void *ud) {
    for (int i = 0; i < 2; i++) {
        free(in->cap[i].data);
        memset(&in->cap[i], 0, sizeof in->cap[i]);
        in->cap_alloc[i] = 0;
    }
    in->cap_limit = cap;
    in->on_output = fn;
    in->output_ud = ud;
}

int pa_instance_new(const pa_instance_config *cfg, pa_instance **out, char *err, size_t errlen) {
    pa_instance_config defaults = {0};
    if (!cfg) cfg = &defaults;
    *out = NULL;
    int rc = pa_rt_thread_init();
    if (rc) {
        snprintf(err, errlen, "runtime set-up failed: %s", strerror(-rc));
        return -1;
    }
    pthread_once(&module_once, module_init);

    pa_instance *in = calloc(1, sizeof *in);
    if (!in) { snprintf(err, errlen, "out of memory"); return -1; }
    pa_wasi_config wc = {
        .write = on_guest_write, .write_ud = in,
        .tmp_max_bytes = cfg->tmp_max_bytes, .tmp_max_files = cfg->tmp_max_files,
    };
    in->wasi = pa_wasi_new(&wc);
    if (!in->wasi ||
        pa_wasi_add_ro_file(in->wasi, "/lib/python311.zip", pa_stdlib_zip,
                            (size_t)(pa_stdlib_zip_end - pa_stdlib_zip)) != 0 ||
        pa_wasi_add_ro_file(in->wasi, "/lib/tzdata.zip", pa_tzdata_zip,
                            (size_t)(pa_tzdata_zip_end - pa_tzdata_zip)) != 0) {
        snprintf(err, errlen, "cannot set up the WASI context");
        goto fail;
    }
    for (size_t i = 0; i < cfg->nro; i++) {
        const pa_ro_entry *e = &cfg->ro[i];
        int rc = e->is_dir ? pa_wasi_add_ro_dir(in->wasi, e->path) : pa_wasi_add_ro_file(in->wasi, e->path, e->data, e->len);
        if (rc && !(rc == -EEXIST && e->is_dir)) {
            snprintf(err, errlen, "cannot show %s to the guest: %s", e->path, strerror(-rc));
            goto fail;
        }
    }
    reset_capture(in, 64 * 1024, NULL, NULL);

    int code = pa_call_guarded(in, 0, cfg->image ? do_instantiate_bare : do_instantiate, in->wasi);
    if (code) {
        snprintf(err, errlen, "instantiation failed: %s", pa_rt_unwind_name(code));
        goto fail;
    }
    pa_wasi_set_memory(in->wasi, &in->mod.w2c_memory);
    uint32_t mb = cfg->memory_mb ? cfg->memory_mb : DEFAULT_MEMORY_MB;
    /* 64 KiB pages; 4096 MB is the whole 32-bit space, of which wasm2c's u32
    ** size field can describe all but the last page. */
    uint64_t cap_pages = (uint64_t)mb * 16;
    if (cap_pages > 65535) cap_pages = 65535;
    if (cap_pages < in->mod.w2c_memory.max_pages) in->mod.w2c_memory.max_pages = (uint32_t)cap_pages;
    if (in->mod.w2c_memory.pages > in->mod.w2c_memory.max_pages) {
        snprintf(err, errlen, "memory limit of %u MB is below the interpreter's initial size", mb);
        goto fail;
    }

    if (cfg->image) {
        /* From a snapshot: no start-up at all, the image is the started
        ** interpreter.  Its memory replaces the one just instantiated. */
        in->image = cfg->image;
        if (pa_image_apply(in, 1, err, errlen)) goto fail;
        reset_capture(in, 0, NULL, NULL);
        *out = in;
        return 0;
    }
    uint32_t init_rc = 0;
    code = pa_call_guarded(in, pa_rt_now_ns() + (uint64_t)INIT_TIMEOUT_S * 1000000000u, do_init, &init_rc);
    if (code || init_rc) {
        capture_finish(in);
        snprintf(err, errlen, "interpreter failed to start (%s)%s%.200s",
                 code ? pa_rt_unwind_name(code) : "Py_Initialize failed",
                 in->cap[1].len ? ": " : "", in->cap[1].data ? in->cap[1].data : "");
        goto fail;
    }
    reset_capture(in, 0, NULL, NULL);
    *out = in;
    return 0;
fail:
    pa_instance_free(in);
    return -1;
}

bool pa_instance_alive(const pa_instance *in) { return in && !in->dead; }
const pa_image *pa_instance_image(const pa_instance *in) { return in->image; }
uint64_t pa_instance_memory_bytes(pa_instance *in) { return in->mod.w2c_memory.size; }

void pa_instance_free(pa_instance *in) {
    if (!in) return;
    if (in->mod.w2c_memory.data) Z_python_free(&in->mod);
    if (in->wasi) pa_wasi_free(in->wasi);
    reset_capture(in, 0, NULL, NULL);
    free(in);
}


/* ---- exec ------------------------------------------------------------------- */

typedef struct exec_call {
    const pa_exec_request *req;
    const char *name;
    int reset_stdin;   /* drop sys.stdin's buffer first */
    uint32_t status;   /* driver status */
    uint32_t record;   /* guest address of the outcome record */
    int no_memory;     /* pa_alloc failed */
} exec_call;

static void do_exec(pa_instance *in, void *arg) {
    exec_call *c = arg;
    wasm_rt_memory_t *mem = &in->mod.w2c_memory;
    if (c->reset_stdin && Z_pythonZ_pa_reset_stdin(&in->mod) != 0) { c->no_memory = 1; return; }
    size_t name_len = strlen(c->name);
    uint64_t total = (uint64_t)c->req->code_len + name_len;
    if (total >= UINT32_MAX) { c->no_memory = 1; return; }
    uint32_t buf = Z_pythonZ_pa_alloc(&in->mod, (uint32_t)total);
    if (buf == 0 || (uint64_t)buf + total > mem->size) { c->no_memory = 1; return; }
    memcpy(mem->data + buf, c->req->code, c->req->code_len);
    memcpy(mem->data + buf + c->req->code_len, c->name, name_len);
    c->status = Z_pythonZ_pa_exec(&in->mod, buf, (uint32_t)c->req->code_len,
                                  buf + (uint32_t)c->req->code_len, (uint32_t)name_len);
    Z_pythonZ_pa_free(&in->mod, buf);
    c->record = Z_pythonZ_pa_result(&in->mod);
}

/* Copy a guest string (ptr, len) out of memory, or NULL if it is not fully
** inside memory.  Error texts are capped like the output streams, and say
** so: a program controls its exception's message and its traceback. */
#define ERROR_TEXT_MAX ((size_t)1 << 20)
#define ERROR_TEXT_MARK "\n[truncated]"
static char *guest_string(const wasm_rt_memory_t *mem, uint32_t ptr, uint32_t len, size_t *out_len) {
    if ((uint64_t)ptr + len > mem->size) return NULL;
    size_t keep = len < ERROR_TEXT_MAX ? len : ERROR_TEXT_MAX;
    size_t mark = keep < len ? sizeof ERROR_TEXT_MARK - 1 : 0;
    char *s = malloc(keep + mark + 1);
    if (!s) return NULL;
    memcpy(s, mem->data + ptr, keep);
    memcpy(s + keep, ERROR_TEXT_MARK, mark);
    s[keep + mark] = 0;
    if (out_len) *out_len = keep + mark;
    return s;
}

static uint32_t rd32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v; /* wasm and x86-64 are both little-endian */
}

static void read_record(pa_instance *in, uint32_t addr, pa_result *res, uint32_t *status) {
    const wasm_rt_memory_t *mem = &in->mod.w2c_memory;
    if ((uint64_t)addr + 36 > mem->size) { *status = G_NOT_READY; return; }
    const uint8_t *r = mem->data + addr;
    *status = rd32(r);
    res->exit_code = (int32_t)rd32(r + 4);
    res->error_type = guest_string(mem, rd32(r + 8), rd32(r + 12), NULL);
    res->error_message = guest_string(mem, rd32(r + 16), rd32(r + 20), &res->error_message_len);
    res->traceback = guest_string(mem, rd32(r + 24), rd32(r + 28), &res->traceback_len);
}

static void set_error(pa_result *res, pa_status st, int exit_code, const char *type, const char *msg) {
    res->status = st;
    res->exit_code = exit_code;
    free(res->error_type);
    free(res->error_message);
    res->error_type = strdup(type);
    res->error_message = strdup(msg);
    res->error_message_len = res->error_message ? strlen(msg) : 0;
    if (!res->traceback) {
        res->traceback = strdup("");
        res->traceback_len = 0;
    }
    /* Under host OOM the strings may be NULL: callers treat NULL as "". */
}

int pa_instance_exec(pa_instance *in, const pa_exec_request *req, pa_result *res) {
    memset(res, 0, sizeof *res);
    uint64_t t0 = pa_rt_now_ns();
    if (pa_rt_thread_init() != 0) in->dead = 1; /* no trap handling here: refuse */
    reset_capture(in, req->output_cap ? req->output_cap : DEFAULT_OUTPUT_CAP, req->on_output, req->output_ud);

    if (in->dead) {
        capture_finish(in);
        set_error(res, PA_STATUS_KILLED, PA_EXIT_KILLED, "Trap", "instance is no longer usable after an earlier trap or timeout");
        goto done;
    }
    if (pa_wasi_set_stdin(in->wasi, req->stdin_data, req->stdin_len) != 0) {
        capture_finish(in);
        set_error(res, PA_STATUS_MEMORY_LIMIT, PA_EXIT_MEMORY, "MemoryError", "stdin too large for the host");
        goto done;
    }
    pa_wasi_begin_call(in->wasi);
    exec_call c = {.req = req, .name = req->filename ? req->filename : "<string>",
                   .reset_stdin = in->stdin_stale};
    uint64_t deadline = 0;
    if (req->timeout_s > 0) /* clamp: a double beyond 2^64 ns is UB to convert */
        deadline = t0 + (uint64_t)((req->timeout_s < 1e6 ? req->timeout_s : 1e6) * 1e9);
    int code = pa_call_guarded(in, deadline, do_exec, &c);
    capture_finish(in);
    in->stdin_stale = pa_wasi_take_stdin_read(in->wasi) || (c.reset_stdin && c.no_memory);

    if (code == PA_UNWIND_TIMEOUT) {
        char msg[96];
        snprintf(msg, sizeof msg, "execution exceeded the time limit of %g s", req->timeout_s);
        set_error(res, PA_STATUS_TIMEOUT, PA_EXIT_TIMEOUT, "Timeout", msg);
    } else if (code == PA_UNWIND_EXIT) {
        int ec = (int)pa_rt_exit_code();
        res->status = ec == 0 ? PA_STATUS_OK : PA_STATUS_ERROR;
        res->exit_code = ec;
        if (ec) {
            char msg[32];
            snprintf(msg, sizeof msg, "%d", ec);
            set_error(res, PA_STATUS_ERROR, ec, "SystemExit", msg);
        }
    } else if (code) {
        set_error(res, PA_STATUS_KILLED, PA_EXIT_KILLED, "Trap", pa_rt_unwind_name(code));
    } else if (c.no_memory) {
        set_error(res, PA_STATUS_MEMORY_LIMIT, PA_EXIT_MEMORY, "MemoryError", "no guest memory for the source code");
    } else {
        uint32_t st = c.status;
        read_record(in, c.record, res, &st);
        switch (st) {
        case G_OK: res->status = PA_STATUS_OK; res->exit_code = 0; break;
        case G_EXCEPTION: case G_EXIT:
            res->status = PA_STATUS_ERROR;
            if (res->exit_code == 0) res->exit_code = 1; /* a failure never reads as success */
            break;
        case G_NOMEM: res->status = PA_STATUS_MEMORY_LIMIT; res->exit_code = PA_EXIT_MEMORY; break;
        default:
            set_error(res, PA_STATUS_KILLED, PA_EXIT_KILLED, "Trap", "guest driver reported an invalid state");
            in->dead = 1;
        }
        if (res->status != PA_STATUS_OK) {
            if (!res->error_type) res->error_type = strdup("Error");
            if (!res->error_message) res->error_message = strdup("");
            if (!res->traceback) res->traceback = strdup("");
        } else {
            free(res->error_type); free(res->error_message); free(res->traceback);
            res->error_type = res->error_message = res->traceback = NULL;
            res->error_message_len = res->traceback_len = 0;
        }
    }
done:
    res->out = in->cap[0];
    res->err = in->cap[1];
    memset(in->cap, 0, sizeof in->cap);
    memset(in->cap_alloc, 0, sizeof in->cap_alloc);
    res->duration_ms = (double)(pa_rt_now_ns() - t0) / 1e6;
    in->on_output = NULL; /* the caller's callback is only valid for this call */
    in->output_ud = NULL;
    in->pristine = 0;
    return 0;
}
