/*
** wasi_fd.c — the data-moving fd imports: fd_read, fd_write, fd_pread,
** fd_pwrite, fd_seek, fd_tell and fd_readdir.
**
** Each import follows the same shape: look up the fd, copy and validate the
** iovec array and the result pointer, then move bytes, then store the
** result.  Nothing is read or written before every guest range involved has
** been checked, so a bad pointer never leaves a half-done operation behind
** (stdin is not consumed, a file is not extended).
**
** Writes to files are all-or-nothing: the final size is computed first and
** charged to the quota in one pa_vfs_file_resize, so a write that would
** exceed it fails with ENOSPC and changes nothing.  Offsets are kept
** <= INT64_MAX (POSIX off_t), and offset + length is computed in 64 bits
** where a u32 length can't overflow it.
*/
#include "wasi_impl.h"

#include <string.h>

static uint8_t stream_of(const pa_fd *f) { return f->kind == PA_FD_STDOUT ? 1 : 2; }

/* Copy from an in-memory byte range starting at `off` into the iovecs. */
static uint32_t read_bytes(pa_wasi *w, const uint8_t *src, uint64_t size,
                           uint64_t off, const pa_iov *iovs, uint32_t n,
                           uint32_t *done) {
    uint32_t got = 0;
    for (uint32_t i = 0; i < n && off < size; i++) {
        uint64_t cnt = size - off;
        if (cnt > iovs[i].len) cnt = iovs[i].len;
        uint8_t *dst = pa_mem(w, iovs[i].ptr, cnt);
        if (!dst) return PA_WASI_EFAULT; /* cannot happen: checked before */
        memcpy(dst, src + off, (size_t)cnt);
        off += cnt;
        got += (uint32_t)cnt;
    }
    *done = got;
    return PA_WASI_ESUCCESS;
}

static uint32_t do_read(pa_wasi *w, pa_fd *f, const pa_iov *iovs, uint32_t n,
                        bool positional, uint64_t off, uint32_t *done) {
    uint32_t rc;
    switch (f->kind) {
    case PA_FD_STDIN:
        if (positional) return PA_WASI_ESPIPE;
        w->stdin_read = true;
        rc = read_bytes(w, w->stdin_data, w->stdin_len, w->stdin_pos, iovs, n,
                        done);
        if (rc == PA_WASI_ESUCCESS) w->stdin_pos += *done;
        return rc;
    case PA_FD_STDOUT:
    case PA_FD_STDERR:
        return positional ? PA_WASI_ESPIPE : PA_WASI_EBADF;
    default:
        break;
    }
    pa_node *node = f->node;
    if (node->type == PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_EISDIR;
    if (!(f->rights_base & PA_RIGHT_FD_READ)) return PA_WASI_EBADF;
    if (!positional) off = f->pos;
    rc = read_bytes(w, node->data, node->size, off, iovs, n, done);
    if (rc == PA_WASI_ESUCCESS && !positional) f->pos += *done;
    return rc;
}

static uint32_t do_write(pa_wasi *w, pa_fd *f, const pa_iov *iovs,
                         uint32_t n, uint32_t total, bool positional,
                         uint64_t off, uint32_t *done) {
    if (f->kind == PA_FD_STDOUT || f->kind == PA_FD_STDERR) {
        if (positional) return PA_WASI_ESPIPE;
        for (uint32_t i = 0; i < n; i++) {
            if (!iovs[i].len || !w->write) continue;
            const uint8_t *src = pa_mem(w, iovs[i].ptr, iovs[i].len);
            if (!src) return PA_WASI_EFAULT; /* cannot happen */
            w->write(w->write_ud, stream_of(f), src, iovs[i].len);
        }
        *done = total;
        return PA_WASI_ESUCCESS;
    }
    if (f->kind == PA_FD_STDIN) return positional ? PA_WASI_ESPIPE : PA_WASI_EBADF;

    pa_node *node = f->node;
    if (node->type == PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_EISDIR;
    /* path_open never grants FD_WRITE on a read-only node; checking both
    ** keeps borrowed /lib data unwritable even if that ever changed. */
    if (!(f->rights_base & PA_RIGHT_FD_WRITE) || !node->writable)
        return PA_WASI_EBADF;
    if (!positional) off = (f->flags & PA_FDFLAG_APPEND) ? node->size : f->pos;
    uint64_t end = off + total; /* off <= INT64_MAX: no wrap */
    if (end > (uint64_t)INT64_MAX) return PA_WASI_EFBIG;
    if (end > node->size) {
        uint32_t rc = pa_vfs_file_resize(&w->vfs, node, end);
        if (rc) return rc;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (!iovs[i].len) continue;
        const uint8_t *src = pa_mem(w, iovs[i].ptr, iovs[i].len);
        if (!src) return PA_WASI_EFAULT; /* cannot happen */
        memcpy(node->data + off, src, iovs[i].len);
        off += iovs[i].len;
    }
    if (total) pa_vfs_touch(node);
    if (!positional) f->pos = off;
    *done = total;
    return PA_WASI_ESUCCESS;
}

/* The shared body of the four read/write imports. */
static uint32_t rw(pa_wasi *w, uint32_t fd, uint32_t iovs_ptr,
                   uint32_t iovs_len, bool positional, uint64_t off,
                   uint32_t result_ptr, bool writing) {
    pa_iov iovs[PA_WASI_MAX_IOVS];
    uint32_t total, done = 0;
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    uint32_t rc = pa_mem_iovs(w, iovs_ptr, iovs_len, iovs, &total);
    if (rc) return rc;
    if (!pa_mem(w, result_ptr, 4)) return PA_WASI_EFAULT;
    if (positional && off > (uint64_t)INT64_MAX) return PA_WASI_EINVAL;
    rc = writing ? do_write(w, f, iovs, iovs_len, total, positional, off, &done)
                 : do_read(w, f, iovs, iovs_len, positional, off, &done);
    if (rc) return rc;
    return pa_store_u32(w, result_ptr, done);
}

static uint32_t fd_seek(pa_wasi *w, uint32_t fd, uint64_t offset,
                        uint32_t whence, uint32_t result_ptr) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE) return PA_WASI_ESPIPE;
    if (f->node->type == PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_EISDIR;
    if (!pa_mem(w, result_ptr, 8)) return PA_WASI_EFAULT;
    uint64_t base;
    switch (whence) {
    case PA_WHENCE_SET: base = 0; break;
    case PA_WHENCE_CUR: base = f->pos; break;
    case PA_WHENCE_END: base = f->node->size; break;
    default: return PA_WASI_EINVAL;
    }
    /* offset is a two's-complement filedelta; both base and the result
    ** must stay within [0, INT64_MAX]. */
    uint64_t pos;
    if (offset >> 63) {
        uint64_t back = (uint64_t)0 - offset; /* 1 .. 2^63 */
        if (back > base) return PA_WASI_EINVAL;
        pos = base - back;
    } else {
        pos = base + offset; /* both <= INT64_MAX: no wrap */
        if (pos > (uint64_t)INT64_MAX) return PA_WASI_EINVAL;
    }
    f->pos = pos;
    return pa_store_u64(w, result_ptr, pos);
}

static uint32_t fd_tell(pa_wasi *w, uint32_t fd, uint32_t result_ptr) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE) return PA_WASI_ESPIPE;
    if (f->node->type == PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_EISDIR;
    return pa_store_u64(w, result_ptr, f->pos);
}

/* Append one dirent (header, then name) at *used, truncating it at the end
** of the buffer as preview1 prescribes.  False once the buffer is full. */
static bool put_dirent(uint8_t *buf, uint32_t len, uint32_t *used,
                       uint64_t next, uint64_t ino, uint8_t type,
                       const char *name, uint32_t name_len) {
    uint8_t hdr[PA_DIRENT_SIZE];
    memset(hdr, 0, sizeof hdr);
    pa_put_u64(hdr + PA_DIRENT_NEXT, next);
    pa_put_u64(hdr + PA_DIRENT_INO, ino);
    pa_put_u32(hdr + PA_DIRENT_NAMLEN, name_len);
    pa_put_u8(hdr + PA_DIRENT_TYPE, type);
    uint32_t room = len - *used;
    uint32_t n = room < PA_DIRENT_SIZE ? room : PA_DIRENT_SIZE;
    memcpy(buf + *used, hdr, n);
    *used += n;
    room -= n;
    n = room < name_len ? room : name_len;
    memcpy(buf + *used, name, n);
    *used += n;
    return *used < len;
}

static uint32_t fd_readdir(pa_wasi *w, uint32_t fd, uint32_t buf_ptr,
                           uint32_t buf_len, uint64_t cookie,
                           uint32_t result_ptr) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE || f->node->type != PA_WASI_FILETYPE_DIRECTORY)
        return PA_WASI_ENOTDIR;
    uint8_t *buf = pa_mem(w, buf_ptr, buf_len);
    if (!buf || !pa_mem(w, result_ptr, 4)) return PA_WASI_EFAULT;

    const pa_node *dir = f->node;
    const pa_node *up = dir->parent ? dir->parent : dir;
    uint32_t used = 0;
    bool room = buf_len > 0;
    /* Cookies: 0 is ".", 1 is "..", entries use their sequence numbers,
    ** and each dirent's d_next is its own cookie + 1. */
    if (room && cookie == 0)
        room = put_dirent(buf, buf_len, &used, 1, dir->ino, dir->type, ".", 1);
    if (room && cookie <= 1)
        room = put_dirent(buf, buf_len, &used, 2, up->ino, up->type, "..", 2);
    for (uint32_t i = 0; room && i < dir->nslots; i++) {
        const pa_dirslot *s = &dir->slots[i];
        if (s->seq < cookie) continue;
        room = put_dirent(buf, buf_len, &used, s->seq + 1, s->node->ino,
                          s->node->type, s->name, s->name_len);
    }
    return pa_store_u32(w, result_ptr, used);
}

/* ---- the imports ---- */

uint32_t Z_wasi_snapshot_preview1Z_fd_read(pa_wasi *w, uint32_t fd,
                                           uint32_t iovs, uint32_t iovs_len,
                                           uint32_t nread)
PA_HOSTCALL(rw(w, fd, iovs, iovs_len, false, 0, nread, false))

uint32_t Z_wasi_snapshot_preview1Z_fd_pread(pa_wasi *w, uint32_t fd,
                                            uint32_t iovs, uint32_t iovs_len,
                                            uint64_t offset, uint32_t nread)
PA_HOSTCALL(rw(w, fd, iovs, iovs_len, true, offset, nread, false))

uint32_t Z_wasi_snapshot_preview1Z_fd_write(pa_wasi *w, uint32_t fd,
                                            uint32_t iovs, uint32_t iovs_len,
                                            uint32_t nwritten)
PA_HOSTCALL(rw(w, fd, iovs, iovs_len, false, 0, nwritten, true))

uint32_t Z_wasi_snapshot_preview1Z_fd_pwrite(pa_wasi *w, uint32_t fd,
                                             uint32_t iovs, uint32_t iovs_len,
                                             uint64_t offset,
                                             uint32_t nwritten)
PA_HOSTCALL(rw(w, fd, iovs, iovs_len, true, offset, nwritten, true))

uint32_t Z_wasi_snapshot_preview1Z_fd_seek(pa_wasi *w, uint32_t fd,
                                           uint64_t offset, uint32_t whence,
                                           uint32_t newoffset)
PA_HOSTCALL(fd_seek(w, fd, offset, whence, newoffset))

uint32_t Z_wasi_snapshot_preview1Z_fd_tell(pa_wasi *w, uint32_t fd,
                                           uint32_t offset)
PA_HOSTCALL(fd_tell(w, fd, offset))

uint32_t Z_wasi_snapshot_preview1Z_fd_readdir(pa_wasi *w, uint32_t fd,
                                              uint32_t buf, uint32_t buf_len,
                                              uint64_t cookie,
                                              uint32_t bufused)
PA_HOSTCALL(fd_readdir(w, fd, buf, buf_len, cookie, bufused))
