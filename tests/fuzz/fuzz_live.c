/*
** fuzz_live.c — libFuzzer harness for the WASI imports of a LIVE instance.
**
** fuzz_wasi.c drives the WASI layer over a toy 64 KiB memory.  This one
** drives it the way the guest does: one pa_instance, created once from the
** base image (built in a temporary state directory, unlinked at once), its
** real pa_wasi and its real linear memory (tens of MiB, PROT_NONE beyond
** its size, the runtime's fault handler installed).  Each input is a
** program of import calls with hostile arguments: guest pointers at the
** edges of memory and of the address space, lengths near 2^32, iovec and
** subscription arrays written into guest memory, paths with "..", NULs,
** 255/256-byte names and 4096/4097-byte paths; plus a few host-level steps
** (set stdin, run real Python, save/reset/load the session state).
**
** Threads: all instance work happens on one worker thread with a 56 MiB
** stack (guest code recurses on the native stack); LLVMFuzzerTestOneInput
** hands it each input and waits.  Import calls run inside pa_call_guarded,
** as they do under guest code, so proc_exit unwinds as it should and a
** host fault inside an import still crashes loudly (the runtime only turns
** faults into traps outside host calls).
**
** Every input starts from the image (pa_instance_reset) plus a small tree
** in /tmp (make_tree), so a finding reproduces from its input alone.  Checked after every import call:
**   - the return value is a WASI errno (<= 76);
**   - linear memory did not move, grow or shrink;
**   - the host wrote only into the call's output ranges (tracked over a
**     64 KiB scratch block the harness allocates in the guest heap), and
**     nothing at all when the call failed;
**   - a failed call left the WASI state (pa_wasi_save bytes) unchanged;
**   - the fd table is sane (free slots zeroed, rights within what the
**     object allows, offsets <= INT64_MAX, preopen only on directories);
**   - the vfs is consistent: the node list is well linked, every node's
**     reference count equals the references that exist (directory entries,
**     fds, linked subdirectories, the root's own), the quota counters
**     equal what the charged nodes hold and stay within their limits,
**     directory entries are valid names in increasing cookie order.
** Real executions must return a well-formed pa_result (statuses, exit
** codes, NUL-terminated buffers, caps) that encodes to JSON; a dead
** instance must answer KILLED.  Session state: the live WASI state must
** load into a second context and save back byte for byte, and a copy with
** input-chosen bytes flipped must load consistently or fail cleanly; the
** instance's own save/reset/load must reproduce WASI state and memory, and
** a damaged stream must leave the instance usable.  Every CANON_EVERY
** inputs (and on the first), after a reset, `print(sum(range(10)))` must
** print "45\n" with status ok: the instance still works.
**
** Environment: FUZZ_LIVE_TRACE=1 prints each step and its errno (to read a
** finding); FUZZ_LIVE_NO_INSTANCE_SAVE=1 skips the instance-level save.
** `make fuzz` runs it for FUZZ_SECONDS; tests/fuzz/smoke.t for seconds.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/result_json.h"
#include "runtime/instance_int.h"
#include "runtime/rt_internal.h"
#include "session/base.h"
#include "w2c_snapshot.h"
#include "wasi/wasi_impl.h"

#define W_(n) Z_wasi_snapshot_preview1Z_##n

/* Big for guest recursion, but under ASan's 64 MiB limit for unpoisoning a
** stack on longjmp (traps, proc_exit): beyond it ASan skips the cleanup and
** stale redzones can raise false reports later. */
#define GUEST_STACK ((size_t)56 << 20)
#define SCRATCH 65536u        /* bytes of guest heap the harness owns */
#define BUILD_AT 12288u       /* scratch offset for iovec/subscription arrays */
#define FREE_AT 20480u        /* scratch offset of plain buffers */
#define CANON_EVERY 16        /* inputs between "does it still work" runs */
#define OPS_DEADLINE_S 20     /* a batch of import calls never takes this long */
#define TMP_QUOTA_BYTES (1u << 20) /* small quotas: reach EDQUOT/ENOSPC */
#define TMP_QUOTA_FILES 48u
#define MAX_ERRNO 76u         /* PA_WASI_ENOTCAPABLE */
#define TRUNC_MARKER_LEN 20u  /* "\n[output truncated]\n" (instance.c) */

/* Our runtime owns SIGSEGV/SIGBUS (guest faults are traps); ASan must let
** it install them and must not set its own alternate stacks (the same
** options as the Makefile's ASAN_ENV).  ASan keeps handle_segv so that a
** fault in host code, which the runtime hands back, is still reported. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    return "allow_user_segv_handler=1:use_sigaltstack=0:detect_leaks=1";
}

#define CHECK(c, ...)                                                          \
    do {                                                                       \
        if (!(c)) {                                                            \
            fprintf(stderr, "fuzz_live: check failed at line %d: %s: ",        \
                    __LINE__, #c);                                             \
            fprintf(stderr, __VA_ARGS__);                                      \
            fputc('\n', stderr);                                               \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* ---- the live instance ------------------------------------------------------ */

static pa_image *g_img;
static pa_instance *g_in;
static wasm_rt_memory_t *g_mem;
static uint8_t *g_data;            /* never changes (wasm_rt_impl.c) */
static uint32_t g_img_pages, g_max_pages;
static uint32_t g_pages;           /* expected size; only Python may grow it */
static uint32_t g_scratch;         /* guest address of our block, 0 if none */
static uint8_t g_before[SCRATCH], g_allowed[SCRATCH];
static pa_fd g_fresh_fds[PA_WASI_PREOPEN_FD + 1];
static unsigned long g_inputs;
static int g_trace;                /* FUZZ_LIVE_TRACE: print each step */

/* The path strings, placed at the start of the scratch block. */
typedef struct str { uint32_t off, len; } str;
static char g_strbuf[BUILD_AT];
static str g_strs[40];
static unsigned g_nstrs;

static void add_str(const char *s, size_t len) {
    uint32_t off = g_nstrs ? g_strs[g_nstrs - 1].off + g_strs[g_nstrs - 1].len + 1 : 0;
    CHECK(off + len + 1 <= sizeof g_strbuf && g_nstrs < 40, "string table full");
    memcpy(g_strbuf + off, s, len);
    g_strs[g_nstrs++] = (str){off, (uint32_t)len};
}

static void make_strings(void) {
    static const char *plain[] = {
        "tmp", "tmp/a", "tmp/d", "tmp/d/b", "tmp/d/..", "tmp/../tmp/c", "lib/python311.zip",
        "lib", ".", "..", "/", "/tmp/e", "tmp/a/", "tmp//d///b", "tmp/./a", "../../tmp/a",
        "lib/tzdata.zip", "tmp/d/../../lib", "", "tmp/d/b/../../a", "tmp/a/..", "tmp/e", "/tmp",
        "tmp/d/c/x", "lib/python311.zip/x", "tmp/.."};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) add_str(plain[i], strlen(plain[i]));
    add_str("tmp/a\0b", 7);          /* embedded NUL */
    add_str("tmp/\xff\xfe", 6);      /* not UTF-8 */
    char b[4200];
    memcpy(b, "tmp/", 4);
    memset(b + 4, 'n', 256);
    add_str(b, 4 + 255);             /* longest name */
    add_str(b, 4 + 256);             /* one too long */
    memcpy(b, "tmp/", 4);
    for (size_t i = 4; i < sizeof b; i++) b[i] = (i % 2) ? '/' : 'x';
    add_str(b, 4096);                /* longest path */
    add_str(b, 4097);                /* one too long */
}

static uint8_t *scratch(void) { return g_data + g_scratch; }

/* ---- worker thread ------------------------------------------------------------ */

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cv = PTHREAD_COND_INITIALIZER;
static void (*g_job)(void *);
static void *g_job_arg;
static int g_job_done;

static void *worker_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&g_mu);
    for (;;) {
        while (!g_job) pthread_cond_wait(&g_cv, &g_mu);
        void (*fn)(void *) = g_job;
        pthread_mutex_unlock(&g_mu);
        fn(g_job_arg);
        pthread_mutex_lock(&g_mu);
        g_job = NULL;
        g_job_done = 1;
        pthread_cond_broadcast(&g_cv);
    }
    return NULL;
}

static void on_worker(void (*fn)(void *), void *arg) {
    pthread_mutex_lock(&g_mu);
    g_job_arg = arg;
    g_job_done = 0;
    g_job = fn;
    pthread_cond_broadcast(&g_cv);
    while (!g_job_done) pthread_cond_wait(&g_cv, &g_mu);
    pthread_mutex_unlock(&g_mu);
}

/* ---- instance set-up, scratch, resets --------------------------------------- */

static void rm_tree(const char *dir) {
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            if (unlink(p) != 0) rm_tree(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

static void do_alloc(pa_instance *in, void *arg) {
    *(uint32_t *)arg = Z_pythonZ_pa_alloc(&in->mod, SCRATCH);
}

/* Allocate the scratch block in the guest heap and write the strings. */
static void fresh_scratch(void) {
    uint32_t p = 0;
    int code = pa_call_guarded(g_in, 0, do_alloc, &p);
    CHECK(code == 0 && p != 0 && (uint64_t)p + SCRATCH <= g_mem->size, "pa_alloc: code %d ptr %u", code, p);
    g_scratch = p;
    g_pages = g_mem->pages; /* the allocation may have grown memory */
    memset(scratch(), 0, SCRATCH);
    memcpy(scratch(), g_strbuf, sizeof g_strbuf);
}

static void check_fresh(void) {
    CHECK(pa_instance_alive(g_in), "dead after reset");
    CHECK(pa_wasi_is_fresh(g_in->wasi), "WASI state not fresh after reset");
    CHECK(g_mem->data == g_data && g_mem->pages == g_img_pages && g_mem->size == g_img_pages * 65536u,
          "memory after reset: %u pages", g_mem->pages);
    for (unsigned i = 0; i <= PA_WASI_PREOPEN_FD; i++) {
        const pa_fd *f = &g_in->wasi->fds[i], *o = &g_fresh_fds[i];
        CHECK(f->kind == o->kind && f->flags == o->flags && f->rights_base == o->rights_base &&
              f->rights_inh == o->rights_inh && f->pos == o->pos && f->node == o->node &&
              f->preopen == o->preopen, "fd %u not as in a new instance", i);
    }
    g_pages = g_img_pages;
}

/* A starting tree, so every input has something to rename, link, remove,
** read and seek in: /tmp/a (a file, open as fd 4), /tmp/d/b (open as fd 5)
** and the directories /tmp/d and /tmp/d/c.  Made with the imports
** themselves (outside a guarded call they only count their nesting). */
static void make_tree(void) {
    pa_wasi *w = g_in->wasi;
    uint8_t *m = scratch();
    uint32_t at = g_scratch + FREE_AT; /* the path goes here, the iovec after */
    static const char text[] = "hello, world\n";
    memcpy(m + FREE_AT + 64, text, sizeof text - 1);
    pa_put_u32(m + FREE_AT + 32, at + 64);
    pa_put_u32(m + FREE_AT + 36, sizeof text - 1);
    static const char *const dirs[] = {"tmp/d", "tmp/d/c"}, *const files[] = {"tmp/a", "tmp/d/b"};
    for (int i = 0; i < 2; i++) {
        memcpy(m + FREE_AT, dirs[i], strlen(dirs[i]));
        CHECK(W_(path_create_directory)(w, PA_WASI_PREOPEN_FD, at, (uint32_t)strlen(dirs[i])) == 0, "mkdir");
    }
    for (int i = 0; i < 2; i++) {
        memcpy(m + FREE_AT, files[i], strlen(files[i]));
        CHECK(W_(path_open)(w, PA_WASI_PREOPEN_FD, 0, at, (uint32_t)strlen(files[i]), PA_OFLAG_CREAT,
                            PA_RIGHTS_ALL, PA_RIGHTS_ALL, 0, at + 48) == 0 &&
              pa_get_u32(m + FREE_AT + 48) == 4u + (uint32_t)i, "open %s", files[i]);
        CHECK(W_(fd_write)(w, 4 + i, at + 32, 1, at + 40) == 0, "write");
    }
    memset(m + FREE_AT, 0, 128);
}

static void reset_instance(void) {
    CHECK(pa_instance_reset(g_in) == 0, "pa_instance_reset failed");
    check_fresh();
    fresh_scratch();
    make_tree();
}

static void init_job(void *unused) {
    (void)unused;
    char dir[] = "/tmp/fuzz_live.XXXXXX", err[512];
    const char *t = getenv("TMPDIR");
    char tdir[4096];
    snprintf(tdir, sizeof tdir, "%s/fuzz_live.XXXXXX", t && *t ? t : "/tmp");
    char *d = mkdtemp(tdir);
    if (!d) d = mkdtemp(dir);
    CHECK(d != NULL, "mkdtemp");
    int rc = pa_base_image_open(d, &g_img, err, sizeof err);
    rm_tree(d); /* the image stays mapped and open */
    CHECK(rc == 0, "base image: %s", err);
    pa_instance_config cfg = {.image = g_img, .tmp_max_bytes = TMP_QUOTA_BYTES, .tmp_max_files = TMP_QUOTA_FILES};
    CHECK(pa_instance_new(&cfg, &g_in, err, sizeof err) == 0, "instance: %s", err);
    g_mem = &g_in->mod.w2c_memory;
    g_data = g_mem->data;
    g_img_pages = g_pages = g_mem->pages;
    g_max_pages = g_mem->max_pages;
    memcpy(g_fresh_fds, g_in->wasi->fds, sizeof g_fresh_fds);
    check_fresh();
}

/* Called on the first input, not from LLVMFuzzerInitialize: libFuzzer
** installs its SIGSEGV handler after that hook, chaining to whatever was
** there.  Were the runtime's handler there first, libFuzzer's would chain
** back to it, and the runtime, handing a host fault "back" to libFuzzer's,
** would bounce between the two forever instead of crashing.  Set up later,
** the runtime hands host faults to libFuzzer's handler, which chains to
** ASan's report. */
static void init_once(void) {
    g_trace = getenv("FUZZ_LIVE_TRACE") != NULL;
    make_strings();
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, GUEST_STACK);
    pthread_attr_setguardsize(&attr, (size_t)1 << 20);
    CHECK(pthread_create(&th, &attr, worker_main, NULL) == 0, "worker thread");
    pthread_attr_destroy(&attr);
    on_worker(init_job, NULL);
}

/* ---- reading the input ---------------------------------------------------------- */

typedef struct rd { const uint8_t *p; size_t n; } rd;

static uint8_t r8(rd *r) {
    if (!r->n) return 0;
    r->n--;
    return *r->p++;
}
static uint32_t r16(rd *r) { uint32_t a = r8(r); return a | (uint32_t)r8(r) << 8; }
static uint32_t r32(rd *r) { uint32_t a = r16(r); return a | r16(r) << 16; }
static uint64_t r64(rd *r) { uint64_t a = r32(r); return a | (uint64_t)r32(r) << 32; }

/* A guest pointer: mostly into the scratch block, else at the edges. */
static uint32_t gptr(rd *r) {
    uint8_t k = r8(r);
    switch (k % 16) {
    case 9: return g_scratch + FREE_AT + r8(r);
    case 10: return g_mem->size - r8(r) % 65;
    case 11: return g_mem->size + r8(r);
    case 12: return UINT32_MAX - r8(r);
    case 13: return r8(r);
    case 14: return r32(r);
    case 15: return g_scratch + SCRATCH - r8(r) % 65;
    default: return g_scratch + r16(r) % SCRATCH;
    }
}

static uint32_t glen(rd *r) {
    uint8_t k = r8(r);
    switch (k % 16) {
    case 6: case 7: case 8: return r16(r) % SCRATCH;
    case 9: return 0;
    case 10: return UINT32_MAX - r8(r);
    case 11: return 0x80000000u + r8(r) - 128;
    case 12: return g_mem->size - r8(r);
    case 13: return r32(r);
    case 14: return 4095 + r8(r) % 3;
    case 15: { static const uint32_t v[] = {255, 256, 1023, 1024, 1025, 4096, 65536, 65537};
               return v[r8(r) % 8]; }
    default: return r8(r) % 65;
    }
}

static uint32_t gfd(rd *r) {
    uint8_t b = r8(r);
    if (b < 200) return b % 12;
    switch (b) {
    case 255: return r32(r);
    case 254: return PA_WASI_MAX_FDS - 1;
    case 253: return PA_WASI_MAX_FDS;
    case 252: return UINT32_MAX;
    default: return b;
    }
}

static uint64_t g64(rd *r) {
    uint8_t k = r8(r);
    switch (k % 12) {
    case 0: return r8(r);
    case 1: return r16(r);
    case 2: return (uint64_t)INT64_MAX - r8(r) % 4;
    case 3: return (uint64_t)INT64_MAX + 1 + r8(r) % 4;
    case 4: return UINT64_MAX - r8(r) % 4;
    case 5: return ((uint64_t)1 << 32) + r8(r) - 128;
    case 6: return (uint64_t)-(int64_t)(r8(r) + 1);
    case 7: return TMP_QUOTA_BYTES + r8(r) - 128;
    default: return r64(r);
    }
}

/* A path argument: a string of the table (sometimes one byte short or
** long), or any pointer and length. */
static void gpath(rd *r, uint32_t *ptr, uint32_t *len) {
    uint8_t b = r8(r);
    if (b >= 240) {
        *ptr = gptr(r);
        *len = glen(r);
        return;
    }
    const str *s = &g_strs[b % g_nstrs];
    *ptr = g_scratch + s->off;
    *len = s->len;
    uint8_t m = b / g_nstrs;
    if (m == 1 && s->len) (*len)--;
    else if (m == 2) (*len)++;
}

/* ---- invariants ------------------------------------------------------------------ */

/* Allow host writes to guest [p, p+len), as far as it overlaps the scratch. */
static void allow(uint32_t p, uint64_t len) {
    uint64_t lo = p, hi = (uint64_t)p + len;
    if (hi > (uint64_t)g_mem->size) return; /* out of bounds: the call must fail */
    if (lo < g_scratch) lo = g_scratch;
    if (hi > (uint64_t)g_scratch + SCRATCH) hi = (uint64_t)g_scratch + SCRATCH;
    if (lo < hi) memset(g_allowed + (lo - g_scratch), 1, hi - lo);
}

/* Allow the buffers of the iovec array at p (as it is before the call). */
static void allow_iovs(uint32_t p, uint32_t count) {
    if (count > PA_WASI_MAX_IOVS || (uint64_t)p + (uint64_t)count * 8 > g_mem->size) return;
    for (uint32_t i = 0; i < count; i++)
        allow(pa_get_u32(g_data + p + 8 * i), pa_get_u32(g_data + p + 8 * i + 4));
}

static void check_fds(const pa_wasi *w) {
    static const pa_fd zero;
    for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++) {
        const pa_fd *f = &w->fds[i];
        CHECK(f->kind <= PA_FD_NODE, "fd %u kind %u", i, f->kind);
        if (f->kind == PA_FD_FREE) {
            CHECK(!memcmp(f, &zero, sizeof zero), "free fd %u not cleared: flags %#x rights %#llx/%#llx pos %llu node %p preopen %d", i, f->flags, (unsigned long long)f->rights_base, (unsigned long long)f->rights_inh, (unsigned long long)f->pos, (void *)f->node, f->preopen);
            continue;
        }
        CHECK(f->pos <= (uint64_t)INT64_MAX, "fd %u pos %llu", i, (unsigned long long)f->pos);
        CHECK(!(f->flags & ~PA_FDFLAGS_ALL), "fd %u flags %#x", i, f->flags);
        CHECK(!(f->rights_base & ~PA_RIGHTS_ALL) && !(f->rights_inh & ~PA_RIGHTS_ALL), "fd %u rights", i);
        if (f->kind != PA_FD_NODE) {
            CHECK(!f->node && !f->preopen, "stdio fd %u has a node", i);
            continue;
        }
        CHECK(f->node, "fd %u: no node", i);
        uint8_t t = f->node->type;
        CHECK(t == PA_WASI_FILETYPE_DIRECTORY || t == PA_WASI_FILETYPE_REGULAR_FILE, "fd %u type %u", i, t);
        CHECK(!(f->rights_base & ~pa_fd_max_rights(t)), "fd %u holds rights %#llx beyond its %s's", i,
              (unsigned long long)(f->rights_base & ~pa_fd_max_rights(t)), t == 3 ? "directory" : "file");
        CHECK(!f->preopen || t == PA_WASI_FILETYPE_DIRECTORY, "preopen fd %u not a directory", i);
    }
}

static int valid_name(const char *s, uint32_t n) {
    if (!s || n == 0 || n > PA_VFS_NAME_MAX || s[n] != 0) return 0;
    if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) return 0;
    return !memchr(s, '/', n) && !memchr(s, 0, n);
}

static void check_vfs(const pa_wasi *w) {
    const pa_vfs *v = &w->vfs;
    uint64_t bytes = 0;
    uint32_t files = 0, nodes = 0;
    const pa_node *prev = NULL;
    for (const pa_node *n = v->all; n; prev = n, n = n->all_next) {
        CHECK(n->all_prev == prev, "node list badly linked");
        CHECK(++nodes <= 100000, "node list loops");
        CHECK(n->refs >= 1, "node %llu has no references", (unsigned long long)n->ino);
        CHECK(n->type == PA_WASI_FILETYPE_DIRECTORY || n->type == PA_WASI_FILETYPE_REGULAR_FILE, "node type");
        CHECK(!n->charged || n->writable, "charged node not writable");
        if (n->charged) { files++; bytes += n->size; }
        if (n->type == PA_WASI_FILETYPE_REGULAR_FILE) {
            CHECK(n->borrowed || n->size <= n->cap, "file size %llu > cap %llu", (unsigned long long)n->size,
                  (unsigned long long)n->cap);
            CHECK(!n->nslots && !n->parent, "file with entries or parent");
            continue;
        }
        CHECK(n->nslots <= n->capslots, "dir slots");
        CHECK(n->linked || n->nslots == 0, "removed directory with entries");
        uint64_t last = 1;
        for (uint32_t i = 0; i < n->nslots; i++) {
            const pa_dirslot *s = &n->slots[i];
            CHECK(s->seq > last && s->seq < n->next_seq, "entry cookies out of order");
            last = s->seq;
            CHECK(valid_name(s->name, s->name_len), "bad entry name");
            CHECK(s->node && s->node->linked, "entry of an unlinked node");
            CHECK(s->node->type != PA_WASI_FILETYPE_DIRECTORY || s->node->parent == n, "subdir parent");
            for (uint32_t j = 0; j < i; j++)
                CHECK(n->slots[j].name_len != s->name_len || memcmp(n->slots[j].name, s->name, s->name_len),
                      "duplicate entry");
        }
    }
    CHECK(files == v->used_files && bytes == v->used_bytes, "quota counters %u/%llu, nodes hold %u/%llu",
          v->used_files, (unsigned long long)v->used_bytes, files, (unsigned long long)bytes);
    CHECK(v->used_files <= v->max_files && v->used_bytes <= v->max_bytes, "over quota");

    /* Reference counts: count every holder, compare. */
    for (const pa_node *n = v->all; n; n = n->all_next) {
        uint64_t want = n == v->root;
        for (const pa_node *d = v->all; d; d = d->all_next) {
            if (d->type == PA_WASI_FILETYPE_DIRECTORY) {
                for (uint32_t i = 0; i < d->nslots; i++) want += d->slots[i].node == n;
                want += d->linked && d->parent == n && d != n;
            }
        }
        for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++)
            want += w->fds[i].kind == PA_FD_NODE && w->fds[i].node == n;
        CHECK(n->refs == want, "node %llu: %u references, %llu holders", (unsigned long long)n->ino, n->refs,
              (unsigned long long)want);
    }
}

static void check_memory(void) {
    CHECK(g_mem->data == g_data && g_mem->pages == g_pages && g_mem->size == g_pages * 65536u &&
          g_mem->max_pages == g_max_pages, "linear memory changed: %u pages, size %u", g_mem->pages, g_mem->size);
}

/* ---- import calls ---------------------------------------------------------------- */

typedef struct run {
    rd r;
    int outer;          /* a step that must run outside the guarded call */
    int exiting;        /* proc_exit called */
    uint32_t exit_code;
    int nwasi;          /* WASI state saved before the call */
} run;

static void poll_sanitize(uint32_t p, uint32_t n) {
    /* Keep every clock in memory short: no call may sleep for long. */
    for (uint32_t i = 0; i < n && (uint64_t)p + 48 * (i + 1) <= g_mem->size; i++) {
        uint8_t *s = g_data + p + 48 * i;
        if (s[PA_SUB_TAG] != PA_EVENT_CLOCK) continue;
        uint64_t t = pa_get_u64(s + PA_SUB_CLOCK_TIMEOUT) % 20000; /* <= 20 us */
        if (pa_get_u16(s + PA_SUB_CLOCK_FLAGS) & PA_SUBCLOCK_ABSTIME) t = t % 2 ? 0 : 1; /* in the past */
        pa_put_u64(s + PA_SUB_CLOCK_TIMEOUT, t);
    }
}

/* One import call; returns its errno, or -1 if it was not an import. */
static int64_t import_op(run *x, uint8_t op) {
    rd *r = &x->r;
    pa_wasi *w = g_in->wasi;
    uint32_t a, b, c, d, e, f;
    switch (op) {
    case 0: a = gfd(r); b = gptr(r); c = glen(r) % 2048; d = gptr(r);
        allow_iovs(b, c); allow(d, 4); return W_(fd_read)(w, a, b, c, d);
    case 1: a = gfd(r); b = gptr(r); c = glen(r) % 2048; d = gptr(r);
        allow(d, 4); return W_(fd_write)(w, a, b, c, d);
    case 2: { a = gfd(r); b = gptr(r); c = glen(r) % 2048; uint64_t o = g64(r); d = gptr(r);
        allow_iovs(b, c); allow(d, 4); return W_(fd_pread)(w, a, b, c, o, d); }
    case 3: { a = gfd(r); b = gptr(r); c = glen(r) % 2048; uint64_t o = g64(r); d = gptr(r);
        allow(d, 4); return W_(fd_pwrite)(w, a, b, c, o, d); }
    case 4: { a = gfd(r); uint64_t o = g64(r); b = r8(r) % 5; c = gptr(r);
        allow(c, 8); return W_(fd_seek)(w, a, o, b, c); }
    case 5: a = gfd(r); b = gptr(r); allow(b, 8); return W_(fd_tell)(w, a, b);
    case 6: { a = gfd(r); b = gptr(r); c = glen(r); uint64_t k = g64(r) % 40; d = gptr(r);
        allow(b, c); allow(d, 4); return W_(fd_readdir)(w, a, b, c, k, d); }
    case 7: return W_(fd_close)(w, gfd(r));
    case 8: a = gfd(r); return W_(fd_renumber)(w, a, gfd(r));
    case 9: a = gfd(r); b = gptr(r); allow(b, PA_FDSTAT_SIZE); return W_(fd_fdstat_get)(w, a, b);
    case 10: a = gfd(r); return W_(fd_fdstat_set_flags)(w, a, r8(r) % 64);
    case 11: { a = gfd(r); uint64_t rb = r8(r) & 1 ? r64(r) : PA_RIGHTS_ALL & ~((uint64_t)1 << (r8(r) % 30));
        return W_(fd_fdstat_set_rights)(w, a, rb, g64(r)); }
    case 12: a = gfd(r); b = gptr(r); allow(b, PA_FILESTAT_SIZE); return W_(fd_filestat_get)(w, a, b);
    case 13: a = gfd(r); return W_(fd_filestat_set_size)(w, a, g64(r));
    case 14: { a = gfd(r); uint64_t t1 = g64(r), t2 = g64(r); return W_(fd_filestat_set_times)(w, a, t1, t2, r8(r) % 32); }
    case 15: { a = gfd(r); uint64_t o = g64(r); return W_(fd_allocate)(w, a, o, g64(r)); }
    case 16: { a = gfd(r); uint64_t o = g64(r), l = g64(r); b = r8(r);
        switch (b % 3) {
        case 0: return W_(fd_advise)(w, a, o, l, b / 3 % 8);
        case 1: return W_(fd_sync)(w, a);
        default: return W_(fd_datasync)(w, a);
        } }
    case 17: a = gfd(r); b = gptr(r);
        if (r8(r) & 1) { allow(b, PA_PRESTAT_SIZE); return W_(fd_prestat_get)(w, a, b); }
        c = glen(r); allow(b, c); return W_(fd_prestat_dir_name)(w, a, b, c);
    case 18: case 19: { a = gfd(r); b = r8(r) % 4; gpath(r, &c, &d);
        uint32_t of = r8(r) % 32; uint64_t rb = r8(r) & 1 ? g64(r) : PA_RIGHTS_ALL, ri = r8(r) & 1 ? g64(r) : PA_RIGHTS_ALL;
        e = r8(r) % 64; f = gptr(r); allow(f, 4);
        return W_(path_open)(w, a, b, c, d, of, rb, ri, e, f); }
    case 20: a = gfd(r); gpath(r, &b, &c); return W_(path_create_directory)(w, a, b, c);
    case 21: a = gfd(r); gpath(r, &b, &c); return W_(path_remove_directory)(w, a, b, c);
    case 22: a = gfd(r); gpath(r, &b, &c); return W_(path_unlink_file)(w, a, b, c);
    case 23: a = gfd(r); gpath(r, &b, &c); d = gfd(r); gpath(r, &e, &f);
        return W_(path_rename)(w, a, b, c, d, e, f);
    case 24: a = gfd(r); b = r8(r) % 3; gpath(r, &c, &d); e = gptr(r); allow(e, PA_FILESTAT_SIZE);
        return W_(path_filestat_get)(w, a, b, c, d, e);
    case 25: { a = gfd(r); b = r8(r) % 3; gpath(r, &c, &d); uint64_t t1 = g64(r), t2 = g64(r);
        return W_(path_filestat_set_times)(w, a, b, c, d, t1, t2, r8(r) % 32); }
    case 26: { a = gfd(r); b = r8(r) % 3; gpath(r, &c, &d); e = gfd(r); uint32_t p2, l2; gpath(r, &p2, &l2);
        return W_(path_link)(w, a, b, c, d, e, p2, l2); }
    case 27: { gpath(r, &a, &b); c = gfd(r); gpath(r, &d, &e);
        if (r8(r) & 1) return W_(path_symlink)(w, a, b, c, d, e);
        uint32_t buf = gptr(r), blen = glen(r), used = gptr(r);
        allow(buf, blen); allow(used, 4);
        return W_(path_readlink)(w, c, d, e, buf, blen, used); }
    case 28: { /* subscriptions built in the scratch, or anywhere */
        uint32_t n = r8(r) % 9, in_p = g_scratch + BUILD_AT;
        if (r8(r) % 4 == 0) { in_p = gptr(r); n = r8(r) & 1 ? glen(r) % 5000 : n; }
        else {
            for (uint32_t i = 0; i < n; i++) {
                uint8_t *s = scratch() + BUILD_AT + 48 * i;
                memset(s, 0, 48);
                pa_put_u64(s, r64(r));
                s[PA_SUB_TAG] = r8(r) % 4;
                pa_put_u32(s + 16, s[PA_SUB_TAG] ? gfd(r) : r8(r) % 5);
                pa_put_u64(s + PA_SUB_CLOCK_TIMEOUT, r16(r));
                pa_put_u16(s + PA_SUB_CLOCK_FLAGS, r8(r) % 3);
            }
        }
        poll_sanitize(in_p, n);
        uint32_t out = gptr(r), nev = gptr(r);
        memcpy(g_before, scratch(), SCRATCH); /* after our own writes */
        allow(out, (uint64_t)n * PA_EVENT_SIZE); allow(nev, 4);
        return W_(poll_oneoff)(w, in_p, out, n, nev); }
    case 29: a = r8(r);
        switch (a % 4) {
        case 0: b = gptr(r); c = glen(r) % (SCRATCH + 16); allow(b, c); return W_(random_get)(w, b, c);
        case 1: { b = r8(r) % 6; uint64_t p = g64(r); c = gptr(r); allow(c, 8); return W_(clock_time_get)(w, b, p, c); }
        case 2: b = r8(r) % 6; c = gptr(r); allow(c, 8); return W_(clock_res_get)(w, b, c);
        default: return W_(sched_yield)(w);
        }
    case 30: a = r8(r); b = gptr(r); c = gptr(r);
        switch (a % 4) {
        case 0: allow(b, 4); allow(c, 4); return W_(args_sizes_get)(w, b, c);
        case 1: allow(b, 4); allow(c, 4); return W_(environ_sizes_get)(w, b, c);
        case 2: allow(b, 64); allow(c, 4096); return W_(args_get)(w, b, c);
        default: allow(b, 64); allow(c, 4096); return W_(environ_get)(w, b, c);
        }
    case 31: a = r8(r); b = gfd(r);
        switch (a % 5) {
        case 0: c = gptr(r); d = glen(r) % 2048; e = gptr(r); f = gptr(r);
            allow_iovs(c, d); allow(e, 4); allow(f, 2); return W_(sock_recv)(w, b, c, d, r8(r), e, f);
        case 1: c = gptr(r); d = glen(r) % 2048; e = gptr(r); allow(e, 4); return W_(sock_send)(w, b, c, d, r8(r), e);
        case 2: c = gptr(r); allow(c, 4); return W_(sock_accept)(w, b, r8(r), c);
        case 3: return W_(sock_shutdown)(w, b, r8(r));
        default: return W_(proc_raise)(w, r8(r));
        }
    case 32: { /* write an iovec array into the scratch */
        uint32_t n = r8(r) % 10, at = g_scratch + BUILD_AT + 8 * (r8(r) % 16);
        for (uint32_t i = 0; i < n; i++) {
            pa_put_u32(g_data + at + 8 * i, gptr(r));
            pa_put_u32(g_data + at + 8 * i + 4, r8(r) & 1 ? glen(r) : r8(r) % 64);
        }
        return -1; }
    case 33: { /* raw bytes into the scratch */
        uint32_t at = r16(r) % SCRATCH, n = r8(r);
        if (n > x->r.n) n = (uint32_t)x->r.n;
        if (at + n > SCRATCH) n = SCRATCH - at;
        memcpy(scratch() + at, x->r.p, n);
        x->r.p += n; x->r.n -= n;
        return -1; }
    case 34: { /* stdin contents (a host call of the runtime, not an import) */
        uint32_t n = r8(r);
        if (n > x->r.n) n = (uint32_t)x->r.n;
        CHECK(pa_wasi_set_stdin(w, x->r.p, n) == 0, "set_stdin");
        x->r.p += n; x->r.n -= n;
        return -1; }
    case 35: if (r8(r) == 0xA5) { x->exiting = 1; x->exit_code = r32(r); W_(proc_exit)(w, x->exit_code); }
        return -1;
    }
    return -1;
}

enum { OP_IMPORTS = 36, OP_EXEC = 36, OP_SNAPSHOT, OP_RESET, NOPS };

/* Runs as a guarded call: import calls until the input ends or a step that
** must run outside (returned in x->outer). */
static void ops_guest(pa_instance *in, void *arg) {
    (void)in;
    run *x = arg;
    while (x->r.n) {
        uint8_t op = r8(&x->r) % NOPS;
        if (op >= OP_IMPORTS) { x->outer = op; return; }
        memcpy(g_before, scratch(), SCRATCH);
        memset(g_allowed, 0, SCRATCH);
        uint8_t *st0 = NULL; /* not for proc_exit (op 35): it never returns */
        size_t st0_len = 0;
        if (op < 32) CHECK(pa_wasi_save(g_in->wasi, &st0, &st0_len) == 0, "pa_wasi_save");
        int64_t rc = import_op(x, op);
        if (g_trace) fprintf(stderr, "fuzz_live: op %u -> %lld\n", op, (long long)rc);
        check_memory();
        CHECK(!pa_rt_interrupt_pending(), "interrupt pending after op %u", op);
        if (rc >= 0) {
            CHECK(rc <= MAX_ERRNO, "op %u returned %lld, not a WASI errno", op, (long long)rc);
            const uint8_t *now = scratch();
            if (memcmp(now, g_before, SCRATCH)) {
                for (uint32_t i = 0; i < SCRATCH; i++)
                    CHECK(now[i] == g_before[i] || (rc == 0 && g_allowed[i]),
                          "op %u (errno %lld) wrote guest byte scratch+%u outside its outputs", op, (long long)rc, i);
            }
            if (rc != 0) {
                uint8_t *st1 = NULL;
                size_t st1_len = 0;
                CHECK(pa_wasi_save(g_in->wasi, &st1, &st1_len) == 0, "pa_wasi_save");
                CHECK(st1_len == st0_len && !memcmp(st0, st1, st0_len),
                      "op %u failed with errno %lld but changed the WASI state", op, (long long)rc);
                free(st1);
            }
        }
        free(st0);
        check_fds(g_in->wasi);
        check_vfs(g_in->wasi);
    }
}

/* ---- host-level steps ------------------------------------------------------------ */

static const char *const programs[] = {
    "print(sum(range(10)))",
    "import os\nprint(sorted(os.listdir('/tmp')))\nfor r, d, f in os.walk('/tmp'): print(r, d, f)",
    "import sys\nprint(repr(sys.stdin.read()[:200]))",
    "open('/tmp/x', 'w').write('hi' * 100)\nprint(open('/tmp/x').read()[:10])",
    "raise ValueError('x\\0y\\udcff')",
    "import sys\nsys.exit(3)",
    "while True: pass",
    "x = bytearray(10**10)",
    "import os\nos.write(1, b'\\xff\\xfe\\x00 out')\nos.write(2, b'\\xc3\\x28 err')",
    "def f(): f()\nf()",
    "import os\nos._exit(4)",
    "import os\nfor n in os.listdir('/tmp'):\n  try: print(n, open('/tmp/' + n, 'rb').read(40))\n  except OSError as e: print(n, e)",
    "import os\nfor i in range(12):\n  try: print(i, os.fstat(i))\n  except OSError as e: print(i, e)",
    "print('y' * 100000)",
    "import os\nos.close(1)\nprint('gone')",
    "import time\ntime.sleep(0.001)\nprint(time.time() > 0)",
};
#define NPROGRAMS (sizeof programs / sizeof programs[0])

static void count_output(void *ud, int fd, const uint8_t *data, size_t len) {
    CHECK((fd == 1 || fd == 2) && data && len > 0, "output callback fd %d len %zu", fd, len);
    *(size_t *)ud += len;
}

static void check_result(const pa_result *res, size_t cap, int was_dead) {
    CHECK(res->status >= PA_STATUS_OK && res->status <= PA_STATUS_KILLED, "status %d", (int)res->status);
    CHECK(!was_dead || res->status == PA_STATUS_KILLED, "dead instance ran code: status %d", (int)res->status);
    const pa_buffer *bufs[2] = {&res->out, &res->err};
    for (int i = 0; i < 2; i++) {
        const pa_buffer *b = bufs[i];
        CHECK(b->data && b->data[b->len] == 0, "output buffer %d not a string", i);
        CHECK(b->len <= cap + TRUNC_MARKER_LEN, "output %d: %zu bytes over a cap of %zu", i, b->len, cap);
        CHECK(b->truncated || b->len <= cap, "output %d over its cap but not truncated", i);
    }
    CHECK(isfinite(res->duration_ms) && res->duration_ms >= 0, "duration %g", res->duration_ms);
    switch (res->status) {
    case PA_STATUS_OK: CHECK(res->exit_code == 0 && !res->error_type && !res->error_message && !res->traceback,
                             "ok with exit code %d or an error", res->exit_code); break;
    case PA_STATUS_ERROR: CHECK(res->exit_code != 0, "error with exit code 0"); break;
    case PA_STATUS_TIMEOUT: CHECK(res->exit_code == PA_EXIT_TIMEOUT, "timeout exit %d", res->exit_code); break;
    case PA_STATUS_MEMORY_LIMIT: CHECK(res->exit_code == PA_EXIT_MEMORY, "memory exit %d", res->exit_code); break;
    case PA_STATUS_KILLED: CHECK(res->exit_code == PA_EXIT_KILLED, "killed exit %d", res->exit_code); break;
    }
    if (res->status != PA_STATUS_OK) {
        CHECK(res->error_type && res->error_message && res->traceback, "error without its strings");
        CHECK(res->error_message[res->error_message_len] == 0 && res->traceback[res->traceback_len] == 0,
              "error strings not terminated at their lengths");
    }
    if (res->status == PA_STATUS_TIMEOUT || res->status == PA_STATUS_KILLED)
        CHECK(!pa_instance_alive(g_in), "alive after %s", pa_status_name(res->status));
    char *j = pa_result_json_dumps(res);
    CHECK(j != NULL, "result does not encode to JSON");
    free(j);
}

static void exec_step(rd *r) {
    uint8_t k = r8(r);
    size_t cap = (k & 0x80) ? r8(r) : 0, streamed = 0;
    uint32_t n = r8(r);
    if (n > r->n) n = (uint32_t)r->n;
    const char *code = programs[k % NPROGRAMS];
    pa_exec_request req = {
        .code = code, .code_len = strlen(code),
        .filename = (k & 0x40) ? "<fuzz \xff>" : NULL,
        .stdin_data = r->p, .stdin_len = n,
        .timeout_s = k % NPROGRAMS == 6 ? 0.02 : 5,
        .output_cap = cap,
        .on_output = (k & 0x20) ? count_output : NULL, .output_ud = &streamed,
    };
    r->p += n; r->n -= n;
    int was_dead = !pa_instance_alive(g_in);
    pa_result res;
    CHECK(pa_instance_exec(g_in, &req, &res) == 0, "pa_instance_exec returned -1");
    check_result(&res, cap ? cap : (1u << 20), was_dead);
    if (req.on_output)
        CHECK(streamed == res.out.len + res.err.len, "streamed %zu bytes, captured %zu", streamed,
              res.out.len + res.err.len);
    pa_result_free(&res);
    /* Python may have grown memory; the scratch block stays allocated. */
    CHECK(g_mem->data == g_data && g_mem->pages >= g_pages && g_mem->max_pages == g_max_pages, "memory after exec");
    g_pages = g_mem->pages;
    check_fds(g_in->wasi);
    check_vfs(g_in->wasi);
}

typedef struct membuf { uint8_t *p; size_t len, cap, pos; } membuf;

static int mb_write(void *ud, const void *data, size_t len) {
    membuf *m = ud;
    if (m->len + len > m->cap) {
        size_t c = m->cap ? m->cap : 1 << 16;
        while (c < m->len + len) c *= 2;
        uint8_t *p = realloc(m->p, c);
        if (!p) return -1;
        m->p = p;
        m->cap = c;
    }
    memcpy(m->p + m->len, data, len);
    m->len += len;
    return 0;
}

static int mb_read(void *ud, void *buf, size_t len) {
    membuf *m = ud;
    if (len > m->len - m->pos) return -1;
    memcpy(buf, m->p + m->pos, len);
    m->pos += len;
    return 0;
}

/* A second WASI context, as a new instance's: the target of WASI-level loads. */
static pa_wasi *g_spare;
extern const uint8_t pa_stdlib_zip[], pa_stdlib_zip_end[], pa_tzdata_zip[], pa_tzdata_zip_end[];

static pa_wasi *spare(void) {
    if (!g_spare) {
        pa_wasi_config cfg = {.tmp_max_bytes = TMP_QUOTA_BYTES, .tmp_max_files = TMP_QUOTA_FILES};
        g_spare = pa_wasi_new(&cfg);
        CHECK(g_spare && /* the same read-only files, in the same order, as instance.c */
              !pa_wasi_add_ro_file(g_spare, "/lib/python311.zip", pa_stdlib_zip, (size_t)(pa_stdlib_zip_end - pa_stdlib_zip)) &&
              !pa_wasi_add_ro_file(g_spare, "/lib/tzdata.zip", pa_tzdata_zip, (size_t)(pa_tzdata_zip_end - pa_tzdata_zip)),
              "spare WASI context");
    }
    return g_spare;
}

/* Flip up to 7 input-chosen bytes of buf[from, len). */
static void mutate(rd *r, uint8_t *buf, size_t from, size_t len) {
    uint8_t k = r8(r) % 8;
    for (uint8_t i = 0; i < k && len > from; i++) {
        size_t at = from + r16(r) % (len - from);
        uint8_t v = r8(r);
        buf[at] ^= v ? v : 0x80;
    }
}

/* Session state round trips.
** WASI level: the live state, saved, loads into a fresh context and saves
** back to the same bytes; then a copy with a few bytes flipped (a hostile
** file) either loads, giving a consistent context, or fails leaving the
** context fresh.
** Instance level (unless FUZZ_LIVE_NO_INSTANCE_SAVE is set): save, reset,
** load: WASI state and our scratch block come back byte for byte; a
** damaged stream fails or loads, and the instance stays usable. */
static void snapshot_step(rd *r) {
    uint8_t *w0 = NULL, *w1 = NULL;
    size_t w0_len = 0, w1_len = 0;
    CHECK(pa_wasi_save(g_in->wasi, &w0, &w0_len) == 0, "pa_wasi_save");
    pa_wasi *sp = spare();
    int rc = pa_wasi_load(sp, w0, w0_len);
    CHECK(rc == 0, "loading a saved live WASI state: %d", rc);
    CHECK(pa_wasi_save(sp, &w1, &w1_len) == 0, "pa_wasi_save");
    CHECK(w0_len == w1_len && !memcmp(w0, w1, w0_len), "WASI state changed by save/load (%zu -> %zu bytes)",
          w0_len, w1_len);
    free(w1);
    check_fds(sp);
    check_vfs(sp);
    pa_wasi_reset(sp);
    CHECK(pa_wasi_is_fresh(sp), "spare not fresh after reset");
    mutate(r, w0, 0, w0_len);
    rc = pa_wasi_load(sp, w0, w0_len);
    CHECK(rc == 0 || rc == -EINVAL || rc == -EDQUOT || rc == -ENOMEM, "pa_wasi_load: %d", rc);
    if (rc) CHECK(pa_wasi_is_fresh(sp), "failed load left the context not fresh");
    check_fds(sp);
    check_vfs(sp);
    pa_wasi_reset(sp);
    free(w0);

    static int instance_save = -1;
    if (instance_save < 0) instance_save = !getenv("FUZZ_LIVE_NO_INSTANCE_SAVE");
    if (!instance_save || !pa_instance_alive(g_in)) return; /* a dead instance cannot be saved */
    membuf m = {0};
    char err[256];
    CHECK(pa_wasi_save(g_in->wasi, &w0, &w0_len) == 0, "pa_wasi_save");
    memcpy(g_before, scratch(), SCRATCH);
    uint32_t pages = g_mem->pages;
    CHECK(pa_instance_save(g_in, mb_write, &m, err, sizeof err) == 0, "save: %s", err);
    CHECK(pa_instance_reset(g_in) == 0, "reset before load");
    rc = pa_instance_load(g_in, mb_read, &m, err, sizeof err);
    CHECK(rc == 0, "loading our own state: %d %s", rc, err);
    CHECK(m.pos == m.len, "load left %zu bytes unread", m.len - m.pos);
    CHECK(pa_instance_alive(g_in) && g_mem->pages == pages, "instance after load");
    CHECK(pa_wasi_save(g_in->wasi, &w1, &w1_len) == 0, "pa_wasi_save");
    CHECK(w0_len == w1_len && !memcmp(w0, w1, w0_len), "WASI state changed by instance save/load (%zu -> %zu bytes)",
          w0_len, w1_len);
    CHECK(!memcmp(g_before, scratch(), SCRATCH), "guest memory changed by save/load");
    free(w0);
    free(w1);
    check_fds(g_in->wasi);
    check_vfs(g_in->wasi);
    if (r8(r) & 1) { /* the same stream, damaged in its header and WASI part */
        CHECK(pa_instance_reset(g_in) == 0, "reset before load");
        size_t head = 8 + 16 + 4 + 4 + 8 * (size_t)PA_W2C_NGLOBALS + 4 + w0_len;
        mutate(r, m.p, 0, head < m.len ? head : m.len);
        m.pos = 0;
        rc = pa_instance_load(g_in, mb_read, &m, err, sizeof err);
        CHECK(rc == 0 || rc == -EINVAL || rc == -ESTALE || rc == -E2BIG || rc == -EDQUOT || rc == -ENOMEM,
              "pa_instance_load: %d", rc);
        CHECK(pa_instance_alive(g_in), "instance dead after a load (%d: %s)", rc, err);
        g_pages = g_mem->pages;
        check_fds(g_in->wasi);
        check_vfs(g_in->wasi);
        if (rc) { check_fresh(); fresh_scratch(); }
    }
    free(m.p);
    g_pages = g_mem->pages;
}

/* ---- one input ----------------------------------------------------------------- */

typedef struct job { const uint8_t *data; size_t size; } job;

static void canonical_run(void) {
    reset_instance();
    static const char code[] = "print(sum(range(10)))";
    pa_exec_request req = {.code = code, .code_len = sizeof code - 1, .timeout_s = 30};
    pa_result res;
    CHECK(pa_instance_exec(g_in, &req, &res) == 0, "exec");
    CHECK(res.status == PA_STATUS_OK && res.out.len == 3 && !memcmp(res.out.data, "45\n", 3) && res.err.len == 0,
          "the instance no longer works: status %s, stdout '%.100s', stderr '%.300s'",
          pa_status_name(res.status), res.out.data, res.err.data);
    pa_result_free(&res);
}

static int g_clean; /* reset since the last input ran: nothing to undo */

static void input_job(void *arg) {
    job *j = arg;
    if (!g_clean) {
        CHECK(pa_instance_reset(g_in) == 0, "pa_instance_reset failed");
        check_fresh();
    }
    g_clean = 0;
    fresh_scratch();
    make_tree();
    run x = {.r = {j->data, j->size}};
    for (;;) {
        x.outer = -1;
        x.exiting = 0;
        int code = pa_call_guarded(g_in, pa_rt_now_ns() + (uint64_t)OPS_DEADLINE_S * 1000000000u, ops_guest, &x);
        if (code) {
            CHECK(code == PA_UNWIND_EXIT && x.exiting, "import calls unwound: %s", pa_rt_unwind_name(code));
            CHECK(pa_rt_exit_code() == x.exit_code, "proc_exit code %u, want %u", pa_rt_exit_code(), x.exit_code);
            CHECK(!pa_instance_alive(g_in), "alive after proc_exit");
            continue;
        }
        if (x.outer < 0) break;
        if (g_trace) fprintf(stderr, "fuzz_live: step %d\n", x.outer);
        switch (x.outer) {
        case OP_EXEC: exec_step(&x.r); break;
        case OP_SNAPSHOT: snapshot_step(&x.r); break;
        case OP_RESET: reset_instance(); break;
        }
    }
    if (g_inputs++ % CANON_EVERY == 0) canonical_run();
    /* Free what the input made (tree, fds, stdin) before returning: libFuzzer
    ** re-runs an input that ends with more mallocs than frees under a full
    ** leak check, which costs far more than this reset. */
    CHECK(pa_instance_reset(g_in) == 0, "pa_instance_reset failed");
    check_fresh();
    g_clean = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_once);
    job j = {data, size};
    on_worker(input_job, &j);
    return 0;
}
