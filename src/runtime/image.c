/*
** image.c — snapshots: the base image file, copy-on-write restore, and the
** session state stream (what an instance holds beyond its image).
**
** An instance's whole state between calls is plain data: linear memory, the
** module's globals, and host-side WASI state.  (The function table is filled
** at instantiation and never changed by our guest: no table.set/grow.)  An
** image stores the memory page-aligned in a file, so instances map it
** MAP_PRIVATE: pages are shared with the page cache until written.  Reset
** copies the image back over exactly the pages that were written (the ones
** /proc/self/pagemap shows as no longer file-backed), so they stay mapped
** and the next run takes no page faults for them; past a few thousand such
** pages, or without /proc, it drops them with madvise(MADV_DONTNEED) and
** lets the image show through again, as wasmtime resets its memories.
**
** Image file (little-endian):
**
**   offset  size  field
**        0     8  magic "PAIMAGE\n"
**        8     4  version (1)
**       12     4  memory size in 64 KiB wasm pages
**       16    16  image id: random, names this image for session files
**       32    40  guest id (pa_guest_build_id), NUL-padded
**       72     4  number of globals, then the globals as u64 at offset 512
**     4096     …  linear memory, pages * 64 KiB (zero runs left as holes)
**
** Session state stream (pa_instance_save / pa_instance_load):
**
**   "PASTATE2", image id (16), memory pages (u32), globals count (u32),
**   globals (u64 each), WASI state length (u32) and bytes, then records
**   { u32 page number (4 KiB pages), 4096 bytes: the page XOR the image's }
**   in increasing page order for every page that differs from the image
**   (beyond it: every non-zero page, XOR zero), then u32 0xFFFFFFFF.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image_int.h"
#include "instance_int.h"
#include "pagemap.h"
#include "rt_internal.h"
#include "w2c_snapshot.h"

#define IMG_MAGIC "PAIMAGE\n"
#define IMG_VERSION 1u
#define IMG_HEADER 4096u
#define IMG_GLOBALS_AT 512u
#define WASM_PAGE 65536u
#define OS_PAGE 4096u
#define PREPARE_TIMEOUT_S 120

extern const char pa_guest_id[]; /* stdlib_blob.S */

struct pa_image {
    int fd;
    uint32_t pages;
    uint8_t id[16];
    uint64_t globals[PA_IMAGE_MAX_GLOBALS];
    const uint8_t *view;   /* read-only shared view of the memory, for diffs */
    size_t view_len;
};

const char *pa_guest_build_id(void) { return pa_guest_id; }
const uint8_t *pa_image_id(const pa_image *img) { return img->id; }
int pa_image_fd(const pa_image *img) { return img->fd; }

_Static_assert(PA_W2C_NGLOBALS <= PA_IMAGE_MAX_GLOBALS, "raise PA_IMAGE_MAX_GLOBALS");

/* Globals as u64 values, in PA_W2C_GLOBALS order; float globals by bits. */
uint32_t pa_image_globals_get(const Z_python_instance_t *m, uint64_t *g) {
    uint32_t i = 0;
    (void)m; (void)g;
#define GET(type, field) { type v = m->field; uint64_t u = 0; memcpy(&u, &v, sizeof v); g[i++] = u; }
    PA_W2C_GLOBALS(GET)
#undef GET
    return i;
}

void pa_image_globals_set(Z_python_instance_t *m, const uint64_t *g) {
    uint32_t i = 0;
    (void)m; (void)g;
#define SET(type, field) { type v; uint64_t u = g[i++]; memcpy(&v, &u, sizeof v); m->field = v; }
    PA_W2C_GLOBALS(SET)
#undef SET
}

size_t pa_image_view(const pa_image *img, const uint8_t **out) {
    *out = img->view;
    return img->view_len;
}

/* ---- applying an image to an instance ------------------------------------- */

static void do_reseed(pa_instance *in, void *arg) {
    *(uint32_t *)arg = Z_pythonZ_pa_reseed(&in->mod);
}

/* Resetting by copying: every page the last runs wrote is private (the
** write copied it), so copying the image over the private pages restores
** exactly the image — and the pages stay mapped, so the next run, which
** mostly touches the same pages, takes no faults for them.  A page fault
** costs microseconds on a VM; a 4 KiB copy a fraction of that.  Pages once
** copied stay private, so the set only grows; past RESET_COPY_MAX pages
** (a run that touched a lot) dropping them all is cheaper.  -1: fall back. */
#define RESET_COPY_MAX 4096u

typedef struct dirty_ctx {
    uint8_t *mem;
    const uint8_t *img;
    uint32_t copied;
} dirty_ctx;

static int copy_back(void *ud, uint32_t page) {
    dirty_ctx *c = ud;
    if (++c->copied > RESET_COPY_MAX) return 1;
    size_t off = (size_t)page * PA_OS_PAGE;
    memcpy(c->mem + off, c->img + off, PA_OS_PAGE);
    return 0;
}

static int restore_dirty(pa_instance *in, size_t img_bytes) {
    dirty_ctx c = {in->mod.w2c_memory.data, in->image->view, 0};
    return pa_pagemap_private(c.mem, (uint32_t)(img_bytes / PA_OS_PAGE), copy_back, &c) == 0 ? 0 : -1;
}

int pa_image_apply(pa_instance *in, int first, char *err, size_t errlen) {
    pa_image *img = in->image;
    if (pa_rt_thread_init() != 0) { /* the reseed below is guest code */
        snprintf(err, errlen, "runtime set-up failed on this thread");
        in->dead = 1;
        return -1;
    }
    wasm_rt_memory_t *mem = &in->mod.w2c_memory;
    size_t img_bytes = (size_t)img->pages * WASM_PAGE;
    if (img->pages > mem->max_pages) {
        snprintf(err, errlen, "memory limit of %u MB is below the snapshot's %u MB",
                 mem->max_pages / 16, (img->pages + 15) / 16);
        in->dead = 1;
        return -1;
    }
    in->dead = 1; /* until everything below has succeeded */
    if (first) {
        /* Replace the instantiated memory with a private view of the image. */
        if (mmap(mem->data, img_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
                 img->fd, IMG_HEADER) == MAP_FAILED) {
            snprintf(err, errlen, "cannot map the snapshot: %s", strerror(errno));
            return -1;
        }
        if (mem->size > img_bytes) /* instantiated bigger than the image: drop the rest */
            mmap(mem->data + img_bytes, mem->size - img_bytes, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    } else if (restore_dirty(in, img_bytes) != 0) {
        /* Drop private copies: untouched image pages show through again. */
        if (madvise(mem->data, img_bytes, MADV_DONTNEED) != 0) {
            snprintf(err, errlen, "cannot reset memory: %s", strerror(errno));
            return -1;
        }
    }
    if (!first && mem->size > img_bytes) { /* grown during runs: give it all back */
        size_t extra = mem->size - img_bytes;
        if (madvise(mem->data + img_bytes, extra, MADV_DONTNEED) != 0 ||
            mprotect(mem->data + img_bytes, extra, PROT_NONE) != 0) {
            snprintf(err, errlen, "cannot reset memory: %s", strerror(errno));
            return -1;
        }
    }
    mem->pages = img->pages;
    mem->size = (uint32_t)img_bytes;
    pa_image_globals_set(&in->mod, img->globals);
    pa_wasi_reset(in->wasi);
    pa_wasi_take_stdin_read(in->wasi);
    in->stdin_stale = 0; /* the image was taken before any call read stdin */

    uint32_t rc = 1;
    int code = pa_call_guarded(in, pa_rt_now_ns() + 10ull * 1000000000u, do_reseed, &rc);
    if (code || rc) {
        snprintf(err, errlen, "reseeding the restored interpreter failed (%s)",
                 code ? pa_rt_unwind_name(code) : "random/tempfile");
        in->dead = 1;
        return -1;
    }
    in->dead = 0;
    in->pristine = 1;
    return 0;
}

int pa_instance_reset(pa_instance *in) {
    char err[256];
    if (!in->image) return -1;
    return pa_image_apply(in, 0, err, sizeof err);
}

/* ---- building ----------------------------------------------------------------- */

typedef struct prepare_call {
    const char *src;
    size_t len;
    uint32_t status;
} prepare_call;

static void do_prepare(pa_instance *in, void *arg) {
    prepare_call *c = arg;
    uint32_t buf = Z_pythonZ_pa_alloc(&in->mod, (uint32_t)c->len);
    if (!buf || (uint64_t)buf + c->len > in->mod.w2c_memory.size) { c->status = 3; return; }
    memcpy(in->mod.w2c_memory.data + buf, c->src, c->len);
    c->status = Z_pythonZ_pa_prepare(&in->mod, buf, (uint32_t)c->len);
    Z_pythonZ_pa_free(&in->mod, buf);
}

static int write_at(int fd, const void *p, size_t len, off_t off) {
    const uint8_t *b = p;
    while (len) {
        ssize_t w = pwrite(fd, b, len, off);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        b += w;
        len -= (size_t)w;
        off += w;
    }
    return 0;
}

static int is_zero(const uint8_t *p, size_t n) {
    static const uint8_t zero[OS_PAGE];
    for (size_t i = 0; i < n; i += OS_PAGE)
        if (memcmp(p + i, zero, n - i < OS_PAGE ? n - i : OS_PAGE)) return 0;
    return 1;
}

int pa_image_build(const char *path, const char *prepare, char *err, size_t errlen) {
    pa_instance *in = NULL;
    char tmp[4096];
    int fd = -1;
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
        snprintf(err, errlen, "image path too long");
        return -1;
    }
    pa_instance_config cfg = {.memory_mb = 4095};
    if (pa_instance_new(&cfg, &in, err, errlen)) return -1;

    prepare_call pc = {.src = prepare ? prepare : "", .len = prepare ? strlen(prepare) : 0};
    int code = pa_call_guarded(in, pa_rt_now_ns() + (uint64_t)PREPARE_TIMEOUT_S * 1000000000u, do_prepare, &pc);
    if (code || pc.status) {
        snprintf(err, errlen, "preparing the snapshot failed (%s)%s%.300s",
                 code ? pa_rt_unwind_name(code) : "the prepare code raised",
                 in->cap[1].len ? ": " : "", in->cap[1].data ? in->cap[1].data : "");
        goto fail;
    }
    /* A restored instance only gets pa_wasi_reset: nothing the interpreter
    ** did to WASI state during start-up may be lost by that. */
    if (!pa_wasi_is_fresh(in->wasi)) {
        snprintf(err, errlen, "the interpreter left files open after start-up; cannot snapshot it");
        goto fail;
    }

    uint8_t h[IMG_HEADER] = {0};
    memcpy(h, IMG_MAGIC, 8);
    pa_put_le32(h + 8, IMG_VERSION);
    pa_put_le32(h + 12, in->mod.w2c_memory.pages);
    if (getrandom(h + 16, 16, 0) != 16) {
        snprintf(err, errlen, "getrandom failed");
        goto fail;
    }
    snprintf((char *)h + 32, 40, "%s", pa_guest_id);
    uint64_t g[PA_IMAGE_MAX_GLOBALS];
    uint32_t ng = pa_image_globals_get(&in->mod, g);
    _Static_assert(IMG_GLOBALS_AT + 8 * PA_IMAGE_MAX_GLOBALS <= IMG_HEADER, "header too small");
    pa_put_le32(h + 72, ng);
    for (uint32_t i = 0; i < ng; i++) pa_put_le64(h + IMG_GLOBALS_AT + 8 * i, g[i]);

    fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", tmp, strerror(errno));
        goto fail;
    }
    const uint8_t *mem = in->mod.w2c_memory.data;
    size_t size = in->mod.w2c_memory.size;
    int bad = write_at(fd, h, sizeof h, 0) != 0 || ftruncate(fd, IMG_HEADER + (off_t)size) != 0;
    for (size_t off = 0; off < size && !bad; off += WASM_PAGE) /* leave zero pages as holes */
        if (!is_zero(mem + off, WASM_PAGE)) bad = write_at(fd, mem + off, WASM_PAGE, (off_t)(IMG_HEADER + off)) != 0;
    if (bad || fsync(fd) != 0 || fchmod(fd, 0600) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
        goto fail;
    }
    /* link, not rename: if another process published an image meanwhile,
    ** keep theirs; sessions may already be saved against it. */
    if (link(tmp, path) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
        goto fail;
    }
    unlink(tmp);
    close(fd);
    /* Sessions will be saved against this image: make its name durable. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = 0;
        int dfd = open(slash == dir ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    pa_instance_free(in);
    return 0;
fail:
    if (fd >= 0) {
        close(fd);
        unlink(tmp);
    }
    pa_instance_free(in);
    return -1;
}

/* ---- opening ----------------------------------------------------------------- */

int pa_image_open(const char *path, pa_image **out, char *err, size_t errlen) {
    *out = NULL;
    pa_image *img = calloc(1, sizeof *img);
    if (!img) { snprintf(err, errlen, "out of memory"); return -1; }
    img->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (img->fd < 0) {
        snprintf(err, errlen, "cannot open image %s: %s", path, strerror(errno));
        free(img);
        return -1;
    }
    uint8_t h[IMG_HEADER];
    struct stat st;
    if (fstat(img->fd, &st) != 0 || pread(img->fd, h, sizeof h, 0) != (ssize_t)sizeof h ||
        memcmp(h, IMG_MAGIC, 8) != 0 || pa_get_le32(h + 8) != IMG_VERSION) {
        snprintf(err, errlen, "%s is not a snapshot image of this version", path);
        goto fail;
    }
    char gid[41];
    memcpy(gid, h + 32, 40);
    gid[40] = 0;
    if (strcmp(gid, pa_guest_id) != 0) {
        snprintf(err, errlen, "image %s belongs to another guest build (%s, this is %s)", path, gid, pa_guest_id);
        goto fail;
    }
    img->pages = pa_get_le32(h + 12);
    if (pa_get_le32(h + 72) != PA_W2C_NGLOBALS || img->pages == 0 || img->pages > 65535 ||
        (uint64_t)st.st_size != IMG_HEADER + (uint64_t)img->pages * WASM_PAGE) {
        snprintf(err, errlen, "image %s is truncated or inconsistent", path);
        goto fail;
    }
    memcpy(img->id, h + 16, 16);
    for (uint32_t i = 0; i < pa_get_le32(h + 72); i++) img->globals[i] = pa_get_le64(h + IMG_GLOBALS_AT + 8 * i);
    img->view_len = (size_t)img->pages * WASM_PAGE;
    void *v = mmap(NULL, img->view_len, PROT_READ, MAP_SHARED, img->fd, IMG_HEADER);
    if (v == MAP_FAILED) {
        snprintf(err, errlen, "cannot map image %s: %s", path, strerror(errno));
        goto fail;
    }
    img->view = v;
    *out = img;
    return 0;
fail:
    close(img->fd);
    free(img);
    return -1;
}

void pa_image_close(pa_image *img) {
    if (!img) return;
    if (img->view) munmap((void *)img->view, img->view_len);
    close(img->fd);
    free(img);
}
