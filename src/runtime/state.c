/*
** state.c — an instance's state beyond its image, as a stream: saving a
** session, loading it back (format in image.c's header comment).
**
** Saving must not cost in proportion to the whole memory: a session that set
** `x = 1` owns a few hundred private pages among thousands shared with the
** image.  The kernel knows which: /proc/self/pagemap marks a page of our
** MAP_PRIVATE view that has been copied on write as present and not
** file-backed.  Only those pages (and grown memory) are compared with the
** image and written.  Without /proc (e.g. in a sandbox that hides it) every
** page is compared: slower, same result.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image_int.h"
#include "instance_int.h"
#include "pagemap.h"

#define OS_PAGE PA_OS_PAGE
#define WASM_PAGE 65536u
#define STATE_MAGIC "PASTATE2"
#define STATE_END 0xFFFFFFFFu

/* Every page that may differ from the image: the private ones, or all of
** them when the kernel does not say. */
static int for_candidate_pages(const uint8_t *base, uint32_t npages, pa_page_fn fn, void *ud) {
    int rc = pa_pagemap_private(base, npages, fn, ud);
    if (rc != -1) return rc;
    for (uint32_t p = 0; p < npages; p++)
        if (fn(ud, p)) return 1;
    return 0;
}

static int count_page(void *ud, uint32_t page) {
    (void)page;
    ++*(uint64_t *)ud;
    return 0;
}

uint64_t pa_instance_private_bytes(pa_instance *in) {
    uint64_t n = 0;
    if (pa_pagemap_private(in->mod.w2c_memory.data, in->mod.w2c_memory.size / OS_PAGE, count_page, &n)) return 0;
    return n * OS_PAGE;
}

/* ---- save ------------------------------------------------------------------ */

typedef struct save_ctx {
    pa_instance *in;
    pa_write_fn write;
    void *ud;
    size_t img_bytes;
    const uint8_t *img;
} save_ctx;

/* Pages are stored XORed with the image's page (with zeros beyond it): a
** page that changed in a few places becomes mostly zeros, which zstd
** squeezes to almost nothing. */
static void xor_page(uint8_t *dst, const uint8_t *a, const uint8_t *b) {
    for (size_t i = 0; i < OS_PAGE; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        x ^= y;
        memcpy(dst + i, &x, 8);
    }
}

static const uint8_t zero_page[OS_PAGE];

static int save_page(void *ud, uint32_t page) {
    save_ctx *c = ud;
    size_t off = (size_t)page * OS_PAGE;
    const uint8_t *p = c->in->mod.w2c_memory.data + off;
    const uint8_t *ref = off < c->img_bytes ? c->img + off : zero_page;
    if (memcmp(p, ref, OS_PAGE) == 0) return 0;
    uint8_t rec[4 + OS_PAGE];
    pa_put_le32(rec, page);
    xor_page(rec + 4, p, ref);
    return c->write(c->ud, rec, sizeof rec) ? -1 : 0;
}

int pa_instance_save(pa_instance *in, pa_write_fn write, void *ud, char *err, size_t errlen) {
    if (!in->image || in->dead) {
        snprintf(err, errlen, in->dead ? "the interpreter is no longer usable" : "instance has no image");
        return -1;
    }
    const pa_image *img = in->image;
    uint8_t *wasi = NULL;
    size_t wasi_len = 0;
    if (pa_wasi_save(in->wasi, &wasi, &wasi_len) != 0 || wasi_len > pa_wasi_state_max(in->wasi) ||
        wasi_len > UINT32_MAX) {
        free(wasi);
        snprintf(err, errlen, "cannot serialize the WASI state");
        return -1;
    }
    uint64_t g[PA_IMAGE_MAX_GLOBALS];
    uint32_t ng = pa_image_globals_get(&in->mod, g);
    uint8_t h[8 + 16 + 4 + 4];
    memcpy(h, STATE_MAGIC, 8);
    memcpy(h + 8, pa_image_id(img), 16);
    pa_put_le32(h + 24, in->mod.w2c_memory.pages);
    pa_put_le32(h + 28, ng);
    int bad = write(ud, h, sizeof h) != 0;
    for (uint32_t i = 0; i < ng && !bad; i++) {
        uint8_t b[8];
        pa_put_le64(b, g[i]);
        bad = write(ud, b, 8) != 0;
    }
    uint8_t wl[4];
    pa_put_le32(wl, (uint32_t)wasi_len);
    bad = bad || write(ud, wl, 4) != 0 || (wasi_len && write(ud, wasi, wasi_len) != 0);
    free(wasi);
    const uint8_t *view;
    size_t view_len = pa_image_view(img, &view); /* not inside c's initializer: it zeroes c.img */
    save_ctx c = {.in = in, .write = write, .ud = ud, .img_bytes = view_len, .img = view};
    bad = bad || for_candidate_pages(in->mod.w2c_memory.data, in->mod.w2c_memory.size / OS_PAGE, save_page, &c);
    pa_put_le32(wl, STATE_END);
    bad = bad || write(ud, wl, 4) != 0;
    if (bad) snprintf(err, errlen, "writing the state failed");
    return bad ? -1 : 0;
}

/* ---- load ------------------------------------------------------------------ */

static int load_fail(pa_instance *in, char *err, size_t errlen, int rc, const char *why) {
    snprintf(err, errlen, "%s", why);
    pa_instance_reset(in);
    return rc;
}

int pa_instance_load(pa_instance *in, pa_read_fn read, void *ud, char *err, size_t errlen) {
    if (!in->image) { snprintf(err, errlen, "instance has no image"); return -EINVAL; }
    /* Pages the stream does not mention must be the image's. */
    if (!in->pristine && pa_instance_reset(in)) { snprintf(err, errlen, "cannot reset the instance"); return -ENOMEM; }
    wasm_rt_memory_t *mem = &in->mod.w2c_memory;
    uint8_t h[8 + 16 + 4 + 4];
    if (read(ud, h, sizeof h) || memcmp(h, STATE_MAGIC, 8) != 0)
        return load_fail(in, err, errlen, -EINVAL, "not a session state");
    if (memcmp(h + 8, pa_image_id(in->image), 16) != 0)
        return load_fail(in, err, errlen, -ESTALE, "state was saved against another image");
    uint32_t pages = pa_get_le32(h + 24), ng = pa_get_le32(h + 28);
    uint64_t g[PA_IMAGE_MAX_GLOBALS];
    if (ng != pa_image_globals_get(&in->mod, g)) return load_fail(in, err, errlen, -EINVAL, "globals do not match this build");
    if (pages < mem->pages) return load_fail(in, err, errlen, -EINVAL, "memory smaller than the image");
    if (pages > mem->max_pages) {
        char why[128];
        snprintf(why, sizeof why, "it needs %u MB of memory; the memory limit is %u MB",
                 (pages + 15) / 16, mem->max_pages / 16);
        return load_fail(in, err, errlen, -E2BIG, why);
    }
    for (uint32_t i = 0; i < ng; i++) {
        uint8_t b[8];
        if (read(ud, b, 8)) return load_fail(in, err, errlen, -EINVAL, "truncated globals");
        g[i] = pa_get_le64(b);
    }
    uint8_t wl[4];
    if (read(ud, wl, 4)) return load_fail(in, err, errlen, -EINVAL, "truncated WASI state");
    uint32_t wasi_len = pa_get_le32(wl);
    /* Bounded by this instance's quotas, not by the file's say-so. */
    if (wasi_len > pa_wasi_state_max(in->wasi)) return load_fail(in, err, errlen, -EINVAL, "WASI state too large");
    uint8_t *wasi = malloc(wasi_len ? wasi_len : 1);
    if (!wasi) return load_fail(in, err, errlen, -ENOMEM, "out of memory");
    if (wasi_len && read(ud, wasi, wasi_len)) {
        free(wasi);
        return load_fail(in, err, errlen, -EINVAL, "truncated WASI state");
    }
    int rc = pa_wasi_load(in->wasi, wasi, wasi_len);
    free(wasi);
    if (rc) return load_fail(in, err, errlen, rc == -EDQUOT || rc == -ENOMEM ? rc : -EINVAL,
                                rc == -EDQUOT ? "its /tmp exceeds the /tmp quota" : "invalid WASI state");

    if (pages > mem->pages && wasm_rt_grow_memory(mem, pages - mem->pages) == UINT32_MAX)
        return load_fail(in, err, errlen, -ENOMEM, "cannot grow memory");
    uint64_t total = (uint64_t)pages * (WASM_PAGE / OS_PAGE);
    const uint8_t *img;
    size_t img_bytes = pa_image_view(in->image, &img);
    int64_t last = -1;
    for (;;) {
        uint8_t rec[4];
        if (read(ud, rec, 4)) return load_fail(in, err, errlen, -EINVAL, "truncated memory");
        uint32_t page = pa_get_le32(rec);
        if (page == STATE_END) break;
        if (page >= total || (int64_t)page <= last) return load_fail(in, err, errlen, -EINVAL, "invalid page record");
        uint8_t delta[OS_PAGE];
        if (read(ud, delta, OS_PAGE)) return load_fail(in, err, errlen, -EINVAL, "truncated memory");
        size_t off = (size_t)page * OS_PAGE;
        xor_page(mem->data + off, delta, off < img_bytes ? img + off : zero_page);
        last = page;
    }
    pa_image_globals_set(&in->mod, g);
    in->stdin_stale = 1; /* the saved sys.stdin may hold unread input */
    in->pristine = 0;
    return 0;
}
