/*
** wasi_fdattr.c — fd imports that manage descriptors and their metadata
** rather than move data: close/renumber, fdstat, filestat, prestat (the
** preopen that tells wasi-libc where "/" is), advise/allocate/sync.
**
** errno choices follow Linux for the same situation, since that is what
** CPython's tests and error messages assume: fsync on a pipe (stdio) is
** EINVAL, allocate/advise on a pipe is ESPIPE, truncating a read-only fd is
** EBADF, touching a read-only node is EACCES.
*/
#include "wasi_impl.h"

#include <string.h>

static uint32_t fd_close(pa_wasi *w, uint32_t fd) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    pa_fd_release(w, f);
    return PA_WASI_ESUCCESS;
}

static uint32_t fd_fdstat_get(pa_wasi *w, uint32_t fd, uint32_t buf_ptr) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    uint8_t *p = pa_mem(w, buf_ptr, PA_FDSTAT_SIZE);
    if (!p) return PA_WASI_EFAULT;
    memset(p, 0, PA_FDSTAT_SIZE);
    pa_put_u8(p + PA_FDSTAT_FILETYPE, pa_fd_filetype(f));
    pa_put_u16(p + PA_FDSTAT_FLAGS, f->flags);
    pa_put_u64(p + PA_FDSTAT_RIGHTS_BASE, f->rights_base);
    pa_put_u64(p + PA_FDSTAT_RIGHTS_INH, f->rights_inh);
    return PA_WASI_ESUCCESS;
}

static uint32_t fd_fdstat_set_flags(pa_wasi *w, uint32_t fd, uint32_t flags) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (flags & ~PA_FDFLAGS_ALL) return PA_WASI_EINVAL;
    /* Only APPEND changes behaviour; every operation is already
    ** synchronous and never blocks, so the others are simply recorded. */
    f->flags = (uint16_t)flags;
    return PA_WASI_ESUCCESS;
}

static uint32_t fd_fdstat_set_rights(pa_wasi *w, uint32_t fd, uint64_t base,
                                     uint64_t inh) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    /* Rights can only ever be dropped. */
    if ((base & ~f->rights_base) || (inh & ~f->rights_inh))
        return PA_WASI_ENOTCAPABLE;
    f->rights_base = base;
    f->rights_inh = inh;
    return PA_WASI_ESUCCESS;
}

static uint32_t fd_filestat_get(pa_wasi *w, uint32_t fd, uint32_t buf_ptr) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    uint8_t *p = pa_mem(w, buf_ptr, PA_FILESTAT_SIZE);
    if (!p) return PA_WASI_EFAULT;
    pa_fill_filestat(p, f, f->kind == PA_FD_NODE ? f->node : NULL);
    return PA_WASI_ESUCCESS;
}

/* The regular file behind fd, for operations that need one. */
static uint32_t file_of(pa_wasi *w, uint32_t fd, uint32_t stdio_errno,
                        pa_fd **out) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE) return stdio_errno;
    if (f->node->type == PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_EISDIR;
    *out = f;
    return PA_WASI_ESUCCESS;
}

static uint32_t fd_filestat_set_size(pa_wasi *w, uint32_t fd, uint64_t size) {
    pa_fd *f;
    uint32_t rc = file_of(w, fd, PA_WASI_EINVAL, &f);
    if (rc) return rc;
    if (!(f->rights_base & PA_RIGHT_FD_FILESTAT_SET_SIZE)) return PA_WASI_EBADF;
    if (size > (uint64_t)INT64_MAX) return PA_WASI_EINVAL;
    rc = pa_vfs_file_resize(&w->vfs, f->node, size);
    if (rc == PA_WASI_ESUCCESS) pa_vfs_touch(f->node);
    return rc;
}

static uint32_t fd_filestat_set_times(pa_wasi *w, uint32_t fd, uint64_t atim,
                                      uint64_t mtim, uint32_t fst) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE) {
        /* stdio has no stored times; validate and accept. */
        return (fst & ~PA_FST_ALL) ? PA_WASI_EINVAL : PA_WASI_ESUCCESS;
    }
    return pa_vfs_set_times(f->node, atim, mtim, fst);
}

static uint32_t fd_allocate(pa_wasi *w, uint32_t fd, uint64_t offset,
                            uint64_t len) {
    pa_fd *f;
    uint32_t rc = file_of(w, fd, PA_WASI_ESPIPE, &f);
    if (rc) return rc;
    if (!(f->rights_base & PA_RIGHT_FD_WRITE) || !f->node->writable)
        return PA_WASI_EBADF;
    if (len == 0 || offset > (uint64_t)INT64_MAX || len > (uint64_t)INT64_MAX)
        return PA_WASI_EINVAL;
    uint64_t end = offset + len; /* both <= INT64_MAX: no wrap */
    if (end > (uint64_t)INT64_MAX) return PA_WASI_EFBIG;
    if (end <= f->node->size) return PA_WASI_ESUCCESS;
    return pa_vfs_file_resize(&w->vfs, f->node, end);
}

static uint32_t fd_advise(pa_wasi *w, uint32_t fd, uint64_t offset,
                          uint64_t len, uint32_t advice) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE) return PA_WASI_ESPIPE;
    if (advice > PA_ADVICE_MAX) return PA_WASI_EINVAL;
    if (offset > (uint64_t)INT64_MAX || len > (uint64_t)INT64_MAX)
        return PA_WASI_EINVAL;
    return PA_WASI_ESUCCESS; /* everything is in memory already */
}

static uint32_t fd_sync(pa_wasi *w, uint32_t fd) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    return f->kind == PA_FD_NODE ? PA_WASI_ESUCCESS : PA_WASI_EINVAL;
}

static uint32_t fd_prestat_get(pa_wasi *w, uint32_t fd, uint32_t buf_ptr) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f || !f->preopen) return PA_WASI_EBADF; /* ends libc's scan */
    uint8_t *p = pa_mem(w, buf_ptr, PA_PRESTAT_SIZE);
    if (!p) return PA_WASI_EFAULT;
    memset(p, 0, PA_PRESTAT_SIZE);
    pa_put_u8(p + PA_PRESTAT_TAG, PA_PREOPEN_DIR);
    pa_put_u32(p + PA_PRESTAT_NAMELEN, 1); /* "/" */
    return PA_WASI_ESUCCESS;
}

static uint32_t fd_prestat_dir_name(pa_wasi *w, uint32_t fd, uint32_t path,
                                    uint32_t len) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f || !f->preopen) return PA_WASI_EBADF;
    uint8_t *p = pa_mem(w, path, len);
    if (!p) return PA_WASI_EFAULT;
    if (len < 1) return PA_WASI_ENAMETOOLONG;
    p[0] = '/'; /* not NUL-terminated, per preview1 */
    return PA_WASI_ESUCCESS;
}

/* ---- the imports ---- */

uint32_t Z_wasi_snapshot_preview1Z_fd_close(pa_wasi *w, uint32_t fd)
PA_HOSTCALL(fd_close(w, fd))

uint32_t Z_wasi_snapshot_preview1Z_fd_renumber(pa_wasi *w, uint32_t fd,
                                               uint32_t to)
PA_HOSTCALL(pa_fd_renumber(w, fd, to))

uint32_t Z_wasi_snapshot_preview1Z_fd_fdstat_get(pa_wasi *w, uint32_t fd,
                                                 uint32_t buf)
PA_HOSTCALL(fd_fdstat_get(w, fd, buf))

uint32_t Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(pa_wasi *w,
                                                       uint32_t fd,
                                                       uint32_t flags)
PA_HOSTCALL(fd_fdstat_set_flags(w, fd, flags))

uint32_t Z_wasi_snapshot_preview1Z_fd_fdstat_set_rights(pa_wasi *w,
                                                        uint32_t fd,
                                                        uint64_t base,
                                                        uint64_t inh)
PA_HOSTCALL(fd_fdstat_set_rights(w, fd, base, inh))

uint32_t Z_wasi_snapshot_preview1Z_fd_filestat_get(pa_wasi *w, uint32_t fd,
                                                   uint32_t buf)
PA_HOSTCALL(fd_filestat_get(w, fd, buf))

uint32_t Z_wasi_snapshot_preview1Z_fd_filestat_set_size(pa_wasi *w,
                                                        uint32_t fd,
                                                        uint64_t size)
PA_HOSTCALL(fd_filestat_set_size(w, fd, size))

uint32_t Z_wasi_snapshot_preview1Z_fd_filestat_set_times(pa_wasi *w,
                                                         uint32_t fd,
                                                         uint64_t atim,
                                                         uint64_t mtim,
                                                         uint32_t fst)
PA_HOSTCALL(fd_filestat_set_times(w, fd, atim, mtim, fst))

uint32_t Z_wasi_snapshot_preview1Z_fd_allocate(pa_wasi *w, uint32_t fd,
                                               uint64_t offset, uint64_t len)
PA_HOSTCALL(fd_allocate(w, fd, offset, len))

uint32_t Z_wasi_snapshot_preview1Z_fd_advise(pa_wasi *w, uint32_t fd,
                                             uint64_t offset, uint64_t len,
                                             uint32_t advice)
PA_HOSTCALL(fd_advise(w, fd, offset, len, advice))

uint32_t Z_wasi_snapshot_preview1Z_fd_sync(pa_wasi *w, uint32_t fd)
PA_HOSTCALL(fd_sync(w, fd))

uint32_t Z_wasi_snapshot_preview1Z_fd_datasync(pa_wasi *w, uint32_t fd)
PA_HOSTCALL(fd_sync(w, fd))

uint32_t Z_wasi_snapshot_preview1Z_fd_prestat_get(pa_wasi *w, uint32_t fd,
                                                  uint32_t buf)
PA_HOSTCALL(fd_prestat_get(w, fd, buf))

uint32_t Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(pa_wasi *w,
                                                       uint32_t fd,
                                                       uint32_t path,
                                                       uint32_t len)
PA_HOSTCALL(fd_prestat_dir_name(w, fd, path, len))
