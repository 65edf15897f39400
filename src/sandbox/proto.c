/*
** proto.c — frames and the EXEC / RESULT encodings (format in proto.h).
**
** Encoding: u32/u64 little-endian integers, strings as u32 length + bytes.
** Decoding never trusts a length: each is checked against the bytes left.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "proto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

void pa_buf_free(pa_buf *b) {
    free(b->p);
    memset(b, 0, sizeof *b);
}

static void put(pa_buf *b, const void *d, size_t n) {
    if (b->oom) return;
    if (b->len + n > b->cap) {
        size_t c = b->cap ? b->cap : 256;
        while (c < b->len + n) c *= 2;
        uint8_t *p = realloc(b->p, c);
        if (!p) { b->oom = true; return; }
        b->p = p;
        b->cap = c;
    }
    if (n) memcpy(b->p + b->len, d, n);
    b->len += n;
}
static void put32(pa_buf *b, uint32_t v) {
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, x, 4);
}
static void put64(pa_buf *b, uint64_t v) { put32(b, (uint32_t)v); put32(b, (uint32_t)(v >> 32)); }
static void put_str(pa_buf *b, const char *s, size_t n) {
    if (!s) n = 0;
    if (n > UINT32_MAX) n = UINT32_MAX;
    put32(b, (uint32_t)n);
    put(b, s, n);
}

typedef struct rd { const uint8_t *p; size_t left; bool bad; } rd;
static const uint8_t *take(rd *r, size_t n) {
    if (r->bad || n > r->left) { r->bad = true; return NULL; }
    const uint8_t *p = r->p;
    r->p += n;
    r->left -= n;
    return p;
}
static uint32_t get32(rd *r) {
    const uint8_t *p = take(r, 4);
    return p ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24 : 0;
}
static uint64_t get64(rd *r) { uint64_t lo = get32(r); return lo | (uint64_t)get32(r) << 32; }
/* A string as (pointer into the payload, length); not NUL-terminated. */
static const char *get_str(rd *r, size_t *n) {
    *n = get32(r);
    return (const char *)take(r, *n);
}
static char *dup_str(const char *s, size_t n) {
    char *d = malloc(n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* ---- frames ------------------------------------------------------------------ */

int pa_frame_write(int fd, uint32_t type, const void *payload, size_t len) {
    if (len > UINT32_MAX) return -1;
    uint8_t h[8];
    for (int i = 0; i < 4; i++) {
        h[i] = (uint8_t)(type >> (8 * i));
        h[4 + i] = (uint8_t)((uint32_t)len >> (8 * i));
    }
    struct iovec iov[2] = {{h, 8}, {(void *)payload, len}};
    size_t total = 8 + len, done = 0;
    while (done < total) {
        ssize_t w = writev(fd, iov, 2);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        done += (size_t)w;
        size_t skip = (size_t)w;
        for (int i = 0; i < 2; i++) { /* advance the iovecs past what went out */
            size_t k = skip < iov[i].iov_len ? skip : iov[i].iov_len;
            iov[i].iov_base = (uint8_t *)iov[i].iov_base + k;
            iov[i].iov_len -= k;
            skip -= k;
        }
    }
    return 0;
}

static int read_full(int fd, void *buf, size_t n) {
    uint8_t *p = buf;
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

int pa_frame_read(int fd, uint32_t *type, uint8_t **payload, size_t *len, uint32_t max) {
    uint8_t h[8];
    *payload = NULL;
    if (read_full(fd, h, 8)) return -1;
    *type = (uint32_t)h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 24;
    uint32_t n = (uint32_t)h[4] | (uint32_t)h[5] << 8 | (uint32_t)h[6] << 16 | (uint32_t)h[7] << 24;
    if (n > max) return -1;
    uint8_t *p = malloc(n ? n : 1);
    if (!p || read_full(fd, p, n)) {
        free(p);
        return -1;
    }
    *payload = p;
    *len = n;
    return 0;
}

/* ---- EXEC ----------------------------------------------------------------------- */

void pa_wire_exec_encode(pa_buf *b, const pa_wire_exec *e) {
    put_str(b, e->session, e->session ? strlen(e->session) : 0);
    put_str(b, e->code, e->code_len);
    put_str(b, e->filename, e->filename ? strlen(e->filename) : 0);
    put_str(b, (const char *)e->stdin_data, e->stdin_len);
    put32(b, e->timeout_ms);
    put32(b, e->memory_mb);
    put64(b, e->output_cap);
}

int pa_wire_exec_decode(const uint8_t *p, size_t n, pa_wire_exec *e) {
    /* Strings are copied by the worker where it needs them NUL-terminated. */
    rd r = {p, n, false};
    size_t sl, fl;
    memset(e, 0, sizeof *e);
    e->session = get_str(&r, &sl);
    e->code = get_str(&r, &e->code_len);
    e->filename = get_str(&r, &fl);
    e->stdin_data = (const uint8_t *)get_str(&r, &e->stdin_len);
    e->timeout_ms = get32(&r);
    e->memory_mb = get32(&r);
    e->output_cap = get64(&r);
    if (r.bad || r.left) return -1;
    /* The session id and file name must be C strings: copy them. */
    char *s = dup_str(e->session, sl), *f = dup_str(e->filename, fl);
    if (!s || !f || strlen(s) != sl || strlen(f) != fl) {
        free(s);
        free(f);
        return -1;
    }
    e->session = s;
    e->filename = f;
    return 0;
}

/* ---- RESULT ------------------------------------------------------------------------- */

void pa_wire_result_encode(pa_buf *b, const pa_result *r, const pa_session_outcome *o) {
    put32(b, (uint32_t)r->status);
    put32(b, (uint32_t)r->exit_code);
    put32(b, (uint32_t)r->out.truncated | (uint32_t)r->err.truncated << 1 | (uint32_t)(o != NULL) << 2);
    uint64_t d;
    memcpy(&d, &r->duration_ms, 8);
    put64(b, d);
    put_str(b, r->error_type, r->error_type ? strlen(r->error_type) : 0);
    put_str(b, r->error_message, r->error_message_len);
    put_str(b, r->traceback, r->traceback_len);
    if (o) {
        put32(b, (uint32_t)o->origin);
        put32(b, (uint32_t)o->rolled_back | (uint32_t)o->saved << 1);
        put64(b, o->calls);
        put_str(b, o->save_error, strlen(o->save_error));
    }
}

int pa_wire_result_decode(const uint8_t *p, size_t n, pa_result *res, pa_session_outcome *o, bool *has_session) {
    rd r = {p, n, false};
    uint32_t st = get32(&r);
    res->status = st <= PA_STATUS_KILLED ? (pa_status)st : PA_STATUS_KILLED;
    res->exit_code = (int)get32(&r);
    uint32_t flags = get32(&r);
    res->out.truncated = flags & 1;
    res->err.truncated = (flags >> 1) & 1;
    uint64_t d = get64(&r);
    memcpy(&res->duration_ms, &d, 8);
    if (!(res->duration_ms >= 0 && res->duration_ms < 1e9)) res->duration_ms = 0; /* NaN, garbage */
    size_t tl, ml, bl;
    const char *t = get_str(&r, &tl), *m = get_str(&r, &ml), *tb = get_str(&r, &bl);
    *has_session = (flags >> 2) & 1;
    memset(o, 0, sizeof *o);
    if (*has_session) {
        uint32_t origin = get32(&r);
        o->origin = origin <= PA_SESSION_RESTORED ? (pa_session_origin)origin : PA_SESSION_CREATED;
        uint32_t of = get32(&r);
        o->rolled_back = of & 1;
        o->saved = (of >> 1) & 1;
        o->calls = get64(&r);
        size_t el;
        const char *e = get_str(&r, &el);
        if (e) {
            if (el >= sizeof o->save_error) el = sizeof o->save_error - 1;
            memcpy(o->save_error, e, el);
            o->save_error[el] = 0;
        }
    }
    if (r.bad || r.left) return -1;
    if (res->status != PA_STATUS_OK || tl) {
        res->error_type = dup_str(t, tl);
        res->error_message = dup_str(m, ml);
        res->traceback = dup_str(tb, bl);
        res->error_message_len = ml;
        res->traceback_len = bl;
    }
    return 0;
}
