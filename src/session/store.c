/*
** store.c — session files (format and guarantees in store.h).
**
** The runtime produces and consumes the session state as a stream
** (pa_instance_save/load with callbacks); here it goes through zstd's
** streaming API straight to and from the file, so a session of hundreds of
** megabytes never needs a second copy of itself in host memory.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zstd.h>

#define MAGIC "PASESS\r\n"
#define VERSION 1u
#define HEADER_LEN 72u
#define HASHED_LEN 64u
#define SUFFIX ".session"
#define ZSTD_LEVEL 1          /* pages compress well already at level 1 */
#define STALE_TMP_NS (600ull * 1000000000ull) /* a writer is surely dead */


static int session_path(char *buf, size_t len, const char *dir, const char *id) {
    if (pa_store_check_id(id)) return -EINVAL;
    int n = snprintf(buf, len, "%s/%s" SUFFIX, dir, id);
    return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

static void put64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static void put32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static uint64_t get64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}
static uint32_t get32(const uint8_t *p) { return (uint32_t)get64((const uint8_t[8]){p[0], p[1], p[2], p[3]}); }

/* FNV-1a 64: the header's own check; its fields are not in the zstd frame. */
static uint64_t fnv64(const uint8_t *p, size_t n) {
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static int write_full(int fd, const void *data, size_t len) {
    const uint8_t *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* ---- save ---------------------------------------------------------------- */

typedef struct zwriter {
    int fd;
    ZSTD_CCtx *z;
    uint8_t out[1 << 16];
    uint64_t raw;
    int err;      /* -errno of the first failure */
} zwriter;

static int zw_flush(zwriter *w, const void *data, size_t len, ZSTD_EndDirective mode) {
    ZSTD_inBuffer in = {data, len, 0};
    for (;;) {
        ZSTD_outBuffer out = {w->out, sizeof w->out, 0};
        size_t left = ZSTD_compressStream2(w->z, &out, &in, mode);
        if (ZSTD_isError(left)) return w->err = -EIO;
        if (out.pos && (w->err = write_full(w->fd, w->out, out.pos))) return w->err;
        if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size) return 0;
    }
}

static int zw_write(void *ud, const void *data, size_t len) {
    zwriter *w = ud;
    if (w->err) return -1;
    w->raw += len;
    return zw_flush(w, data, len, ZSTD_e_continue) ? -1 : 0;
}

static int fsync_dir(const char *dir) {
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -errno;
    int rc = fsync(fd) ? -errno : 0;
    close(fd);
    return rc;
}

int pa_store_save(const char *dir, const char *id, const pa_store_meta *meta,
                  pa_instance *in, bool sync, char *err, size_t errlen) {
    char path[4096], tmp[4096 + 32];
    int rc = session_path(path, sizeof path, dir, id);
    if (rc) { snprintf(err, errlen, "invalid session id"); return rc; }
    snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, id);
    zwriter *w = calloc(1, sizeof *w);
    if (!w) { snprintf(err, errlen, "out of memory"); return -ENOMEM; }
    w->fd = mkostemp(tmp, O_CLOEXEC);
    if (w->fd < 0) {
        rc = -errno;
        snprintf(err, errlen, "cannot create a file in %s: %s", dir, strerror(errno));
        free(w);
        return rc;
    }
    w->z = ZSTD_createCCtx();
    if (!w->z || ZSTD_isError(ZSTD_CCtx_setParameter(w->z, ZSTD_c_compressionLevel, ZSTD_LEVEL)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(w->z, ZSTD_c_checksumFlag, 1))) {
        rc = -ENOMEM;
        snprintf(err, errlen, "cannot set up compression");
        goto fail;
    }
    /* The header's stream length is only known at the end: write a
    ** placeholder, then the real header once the stream is complete. */
    uint8_t h[HEADER_LEN] = {0};
    if ((rc = write_full(w->fd, h, sizeof h))) { snprintf(err, errlen, "write failed: %s", strerror(-rc)); goto fail; }
    char why[256] = "";
    if (pa_instance_save(in, zw_write, w, why, sizeof why) || zw_flush(w, NULL, 0, ZSTD_e_end)) {
        rc = w->err ? w->err : -EINVAL;
        snprintf(err, errlen, "cannot save session %s: %s", id, w->err ? strerror(-w->err) : why);
        goto fail;
    }
    memcpy(h, MAGIC, 8);
    put32(h + 8, VERSION);
    put32(h + 12, HEADER_LEN);
    memcpy(h + 16, meta->image_id, 16);
    put64(h + 32, meta->created_ns);
    put64(h + 40, meta->last_used_ns);
    put64(h + 48, meta->calls);
    put64(h + 56, w->raw);
    put64(h + 64, fnv64(h, HASHED_LEN));
    errno = 0;
    if (pwrite(w->fd, h, sizeof h, 0) != (ssize_t)sizeof h || (sync && fsync(w->fd) != 0)) {
        rc = errno ? -errno : -EIO; /* a short write sets no errno */
        snprintf(err, errlen, "cannot write session %s: %s", id, strerror(errno));
        goto fail;
    }
    close(w->fd);
    w->fd = -1;
    if (rename(tmp, path) != 0) {
        rc = -errno;
        snprintf(err, errlen, "cannot store session %s: %s", id, strerror(errno));
        goto fail;
    }
    ZSTD_freeCCtx(w->z);
    free(w);
    /* The rename is only on the device once the directory is too. */
    if (sync && (rc = fsync_dir(dir))) snprintf(err, errlen, "cannot sync %s: %s", dir, strerror(-rc));
    return rc;
fail:
    if (w->fd >= 0) close(w->fd);
    unlink(tmp);
    ZSTD_freeCCtx(w->z);
    free(w);
    return rc;
}

/* ---- load ---------------------------------------------------------------- */

typedef struct zreader {
    int fd;
    ZSTD_DCtx *z;
    uint8_t in[1 << 16];
    ZSTD_inBuffer ib;
    uint64_t raw, expect;
    size_t frame_left;  /* ZSTD_decompressStream's last hint; 0 = frame done */
    int io_err, bad;
} zreader;

static int zr_fill(zreader *r) {
    ssize_t n;
    do n = read(r->fd, r->in, sizeof r->in);
    while (n < 0 && errno == EINTR);
    if (n < 0) { r->io_err = -errno; return -1; }
    r->ib = (ZSTD_inBuffer){r->in, (size_t)n, 0};
    return n == 0 ? -1 : 0;
}

static int zr_read(void *ud, void *buf, size_t len) {
    zreader *r = ud;
    if (r->io_err || r->bad) return -1;
    if (len > r->expect - r->raw) { r->bad = 1; return -1; } /* more than the header said */
    ZSTD_outBuffer out = {buf, len, 0};
    while (out.pos < out.size) {
        if (r->ib.pos == r->ib.size && zr_fill(r)) { if (!r->io_err) r->bad = 1; return -1; }
        size_t hint = ZSTD_decompressStream(r->z, &out, &r->ib);
        if (ZSTD_isError(hint)) { r->bad = 1; return -1; }
        r->frame_left = hint;
        if (hint == 0 && out.pos < out.size) { r->bad = 1; return -1; } /* frame ended early */
    }
    r->raw += len;
    return 0;
}

/* After the runtime consumed the stream: the frame must end exactly here,
** its checksum verified, with nothing after it. */
static int zr_finish(zreader *r) {
    if (r->raw != r->expect) return -1;
    uint8_t probe;
    while (r->frame_left) {
        ZSTD_outBuffer out = {&probe, 1, 0};
        if (r->ib.pos == r->ib.size && zr_fill(r)) return -1;
        size_t hint = ZSTD_decompressStream(r->z, &out, &r->ib);
        if (ZSTD_isError(hint) || out.pos) return -1;
        r->frame_left = hint;
    }
    if (r->ib.pos != r->ib.size) return -1;
    return zr_fill(r) == 0 || r->io_err ? -1 : 0; /* trailing data */
}

static int read_header(int fd, const char *id, pa_store_meta *m, uint64_t *raw_len,
                       char *err, size_t errlen) {
    uint8_t h[HEADER_LEN];
    ssize_t n = pread(fd, h, sizeof h, 0);
    if (n < 0) { snprintf(err, errlen, "session %s: read failed: %s", id, strerror(errno)); return -errno; }
    if (n != (ssize_t)sizeof h || memcmp(h, MAGIC, 8) || get32(h + 12) != HEADER_LEN) {
        snprintf(err, errlen, "session %s is corrupt: not a session file", id);
        return -EINVAL;
    }
    if (get32(h + 8) != VERSION) {
        snprintf(err, errlen, "session %s has format version %u; this build reads %u", id, get32(h + 8), VERSION);
        return -EINVAL;
    }
    if (get64(h + 64) != fnv64(h, HASHED_LEN) || get64(h + 48) > INT64_MAX || get64(h + 40) < get64(h + 32)) {
        snprintf(err, errlen, "session %s is corrupt: damaged header", id);
        return -EINVAL;
    }
    memcpy(m->image_id, h + 16, 16);
    m->created_ns = get64(h + 32);
    m->last_used_ns = get64(h + 40);
    m->calls = get64(h + 48);
    if (raw_len) *raw_len = get64(h + 56);
    return 0;
}

static int open_session(const char *dir, const char *id, char *err, size_t errlen) {
    char path[4096];
    int rc = session_path(path, sizeof path, dir, id);
    if (rc) { snprintf(err, errlen, "invalid session id"); return rc; }
    /* O_NONBLOCK: a FIFO planted under a session's name must not hang us. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        snprintf(err, errlen, "session %s is corrupt: not a regular file", id);
        return -EINVAL;
    }
    if (fd < 0) {
        rc = -errno;
        if (rc == -ENOENT) snprintf(err, errlen, "no session %s", id);
        else snprintf(err, errlen, "cannot open session %s: %s", id, strerror(errno));
    }
    return fd < 0 ? rc : fd;
}

int pa_store_stat(const char *dir, const char *id, pa_store_meta *meta,
                  uint64_t *file_bytes, char *err, size_t errlen) {
    int fd = open_session(dir, id, err, errlen);
    if (fd < 0) return fd;
    struct stat st;
    int rc = fstat(fd, &st) ? -errno : 0;
    if (file_bytes) *file_bytes = rc ? 0 : (uint64_t)st.st_size; /* even if the header is bad */
    if (rc == 0) rc = read_header(fd, id, meta, NULL, err, errlen);
    close(fd);
    return rc;
}

int pa_store_load(const char *dir, const char *id, pa_instance *in,
                  pa_store_meta *meta, char *err, size_t errlen) {
    pa_store_meta m;
    int fd = open_session(dir, id, err, errlen);
    if (fd < 0) return fd;
    uint64_t raw_len = 0;
    int rc = read_header(fd, id, &m, &raw_len, err, errlen);
    zreader *r = NULL;
    if (rc) goto out;
    const pa_image *img = pa_instance_image(in);
    if (!img || memcmp(m.image_id, pa_image_id(img), 16) != 0) {
        rc = -ESTALE;
        snprintf(err, errlen, "session %s was saved against another interpreter image "
                 "(a different engine build or state directory)", id);
        goto out;
    }
    r = calloc(1, sizeof *r);
    if (!r || !(r->z = ZSTD_createDCtx())) { rc = -ENOMEM; snprintf(err, errlen, "out of memory"); goto out; }
    /* Our saves use level 1 (a 512 KiB window); a frame asking for more is
    ** not ours and must not make us allocate it. */
    ZSTD_DCtx_setParameter(r->z, ZSTD_d_windowLogMax, 23);
    r->fd = fd;
    r->expect = raw_len;
    r->frame_left = 1;
    if (lseek(fd, HEADER_LEN, SEEK_SET) != (off_t)HEADER_LEN) { rc = -errno; goto out; }
    char why[256] = "";
    int lrc = pa_instance_load(in, zr_read, r, why, sizeof why);
    if (lrc == 0 && zr_finish(r)) lrc = -EINVAL;
    if (lrc) {
        /* Report what is wrong with the file, not what the stream reader
        ** made of it: a damaged frame shows up first as a short read. */
        if (r->io_err) {
            rc = r->io_err;
            snprintf(err, errlen, "session %s: read failed: %s", id, strerror(-r->io_err));
        } else if (r->bad || lrc == -EINVAL || lrc == -ESTALE) {
            /* The (hash-checked) header named our image; a stream that
            ** disagrees is damage, not a foreign session. */
            rc = -EINVAL;
            snprintf(err, errlen, "session %s is corrupt: %s", id,
                     r->bad || !why[0] ? "damaged or truncated data" : why);
        } else {
            rc = lrc; /* a sound file this instance cannot take (limits) */
            snprintf(err, errlen, "session %s cannot be loaded: %s", id, why);
        }
        pa_instance_reset(in);
        goto out;
    }
    if (meta) *meta = m;
out:
    if (r) ZSTD_freeDCtx(r->z);
    free(r);
    close(fd);
    return rc;
}

int pa_store_mkdirs(const char *path) {
    char buf[4096];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) return -ENAMETOOLONG;
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -errno;
        *p = '/';
    }
    return mkdir(buf, 0700) != 0 && errno != EEXIST ? -errno : 0;
}

int pa_store_remove(const char *dir, const char *id) {
    char path[4096];
    int rc = session_path(path, sizeof path, dir, id);
    if (rc) return rc;
    return unlink(path) ? -errno : 0;
}

/* ---- listing --------------------------------------------------------------- */

/* ".<id>.XXXXXX", as pa_store_save's mkostemp names them; nothing else
** (.lock, .swept) is ever taken for one. */
static bool is_temp_name(const char *name, size_t n) {
    if (n < 9 || name[0] != '.' || name[n - 7] != '.' || n - 8 > PA_SESSION_ID_MAX) return false;
    char id[PA_SESSION_ID_MAX + 1];
    memcpy(id, name + 1, n - 8);
    id[n - 8] = 0;
    return pa_store_check_id(id) == 0;
}

int pa_store_remove_if_idle(const char *dir, const char *id, uint64_t idle_ns) {
    char path[4096];
    struct stat st;
    struct timespec now;
    int rc = session_path(path, sizeof path, dir, id);
    if (rc) return rc;
    if (lstat(path, &st) != 0) return -errno;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t mtime = (uint64_t)st.st_mtim.tv_sec * 1000000000ull + (uint64_t)st.st_mtim.tv_nsec;
    uint64_t t = (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
    if (t < mtime || t - mtime < idle_ns) return -EBUSY;
    return unlink(path) ? -errno : 0;
}

int pa_store_list(const char *dir, pa_store_list_fn fn, void *ud) {
    DIR *d = opendir(dir);
    if (!d) return -errno;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t now_ns = (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        size_t n = strlen(name), sl = sizeof SUFFIX - 1;
        struct stat st;
        if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
        uint64_t mtime = (uint64_t)st.st_mtim.tv_sec * 1000000000ull + (uint64_t)st.st_mtim.tv_nsec;
        if (name[0] == '.') { /* a writer's temporary file: remove it once surely orphaned */
            if (is_temp_name(name, n) && mtime + STALE_TMP_NS < now_ns) unlinkat(dirfd(d), name, 0);
            continue;
        }
        if (n <= sl || strcmp(name + n - sl, SUFFIX) != 0 || n - sl > PA_SESSION_ID_MAX) continue;
        char id[PA_SESSION_ID_MAX + 1];
        memcpy(id, name, n - sl);
        id[n - sl] = 0;
        if (pa_store_check_id(id)) continue;
        rc = fn(ud, id, (uint64_t)st.st_size, mtime);
    }
    closedir(d);
    return rc;
}
