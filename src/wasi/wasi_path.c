/*
** wasi_path.c — the path_* imports: decode the guest's arguments, copy the
** path into a host buffer (so it is checked once and can't change under
** us), and hand over to the vfs, which owns file-system semantics.
**
** path_open is the one with policy of its own, because it turns rights into
** intent.  wasi-libc asks for rights matching the access mode (O_RDONLY
** omits FD_WRITE, FD_ALLOCATE and FD_FILESTAT_SET_SIZE), so "wants to
** modify" means asking for any of those, or O_TRUNC.  Such an open of a
** read-only node is EACCES (PermissionError in Python); of a directory,
** EISDIR.  The new fd gets the rights asked for, limited by the directory
** fd's inheritable rights and by what the node type supports.
**
** There are no links of either kind: path_link and path_symlink are
** ENOTSUP, path_readlink on an existing path is EINVAL (not a symlink).
*/
#include "wasi_impl.h"

#include <string.h>

/* Rights whose presence means the opener intends to modify the file. */
#define WRITE_INTENT \
    (PA_RIGHT_FD_WRITE | PA_RIGHT_FD_ALLOCATE | PA_RIGHT_FD_FILESTAT_SET_SIZE)

/* The directory behind a dirfd argument. */
static uint32_t dir_fd(pa_wasi *w, uint32_t fd, pa_fd **out) {
    pa_fd *f = pa_fd_get(w, fd);
    if (!f) return PA_WASI_EBADF;
    if (f->kind != PA_FD_NODE || f->node->type != PA_WASI_FILETYPE_DIRECTORY)
        return PA_WASI_ENOTDIR;
    *out = f;
    return PA_WASI_ESUCCESS;
}

/* dirfd + guest path -> directory node + host copy of the path. */
static uint32_t dir_path(pa_wasi *w, uint32_t fd, uint32_t ptr, uint32_t len,
                         char *buf, pa_node **dir) {
    pa_fd *f;
    uint32_t rc = dir_fd(w, fd, &f);
    if (rc) return rc;
    rc = pa_mem_path(w, ptr, len, buf);
    if (rc) return rc;
    *dir = f->node;
    return PA_WASI_ESUCCESS;
}

static uint32_t path_open(pa_wasi *w, uint32_t dirfd, uint32_t dirflags,
                          uint32_t path_ptr, uint32_t path_len,
                          uint32_t oflags, uint64_t base, uint64_t inh,
                          uint32_t fdflags, uint32_t fd_out) {
    char path[PA_VFS_PATH_MAX];
    pa_fd *d;
    pa_lookup lk;
    (void)dirflags; /* SYMLINK_FOLLOW is moot: there are no symlinks */

    uint32_t rc = dir_fd(w, dirfd, &d);
    if (rc) return rc;
    rc = pa_mem_path(w, path_ptr, path_len, path);
    if (rc) return rc;
    if (!pa_mem(w, fd_out, 4)) return PA_WASI_EFAULT;
    if ((oflags & ~PA_OFLAGS_ALL) || (fdflags & ~PA_FDFLAGS_ALL))
        return PA_WASI_EINVAL;
    /* Find the slot first, so EMFILE never leaves a created file behind. */
    int slot = pa_fd_free_slot(w);
    if (slot < 0) return PA_WASI_EMFILE;
    rc = pa_vfs_lookup(&w->vfs, d->node, path, path_len, &lk);
    if (rc) return rc;

    base &= d->rights_inh;
    inh &= d->rights_inh;
    bool modify = (base & WRITE_INTENT) || (oflags & PA_OFLAG_TRUNC);
    pa_node *n = lk.node;
    if (n) {
        if ((oflags & PA_OFLAG_CREAT) && (oflags & PA_OFLAG_EXCL))
            return PA_WASI_EEXIST;
        if (n->type == PA_WASI_FILETYPE_DIRECTORY) {
            if (modify || (oflags & PA_OFLAG_CREAT)) return PA_WASI_EISDIR;
        } else {
            if (oflags & PA_OFLAG_DIRECTORY) return PA_WASI_ENOTDIR;
            if (modify && !n->writable) return PA_WASI_EACCES;
        }
    } else {
        if (!(oflags & PA_OFLAG_CREAT)) return PA_WASI_ENOENT;
        if (oflags & PA_OFLAG_DIRECTORY) return PA_WASI_EINVAL;
        if (lk.trailing) return PA_WASI_EISDIR;
        if (!lk.dir->writable) return PA_WASI_EACCES;
        rc = pa_vfs_create(&w->vfs, lk.dir, lk.name, lk.name_len,
                           PA_WASI_FILETYPE_REGULAR_FILE, true, &n);
        if (rc) return rc;
    }
    if ((oflags & PA_OFLAG_TRUNC) && n->size) {
        rc = pa_vfs_file_resize(&w->vfs, n, 0); /* shrinking can't fail */
        if (rc) return rc;
        pa_vfs_touch(n);
    }

    pa_fd *f = &w->fds[slot];
    memset(f, 0, sizeof *f);
    f->kind = PA_FD_NODE;
    f->node = n;
    pa_vfs_ref(n);
    f->flags = (uint16_t)fdflags;
    f->rights_base = base & pa_fd_max_rights(n->type);
    f->rights_inh = inh;
    return pa_store_u32(w, fd_out, (uint32_t)slot); /* checked above */
}

static uint32_t path_filestat_get(pa_wasi *w, uint32_t fd, uint32_t flags,
                                  uint32_t path_ptr, uint32_t path_len,
                                  uint32_t buf_ptr) {
    char path[PA_VFS_PATH_MAX];
    pa_node *dir;
    pa_lookup lk;
    (void)flags;
    uint32_t rc = dir_path(w, fd, path_ptr, path_len, path, &dir);
    if (rc) return rc;
    uint8_t *p = pa_mem(w, buf_ptr, PA_FILESTAT_SIZE);
    if (!p) return PA_WASI_EFAULT;
    rc = pa_vfs_lookup(&w->vfs, dir, path, path_len, &lk);
    if (rc) return rc;
    if (!lk.node) return PA_WASI_ENOENT;
    pa_fill_filestat(p, NULL, lk.node);
    return PA_WASI_ESUCCESS;
}

static uint32_t path_filestat_set_times(pa_wasi *w, uint32_t fd,
                                        uint32_t flags, uint32_t path_ptr,
                                        uint32_t path_len, uint64_t atim,
                                        uint64_t mtim, uint32_t fst) {
    char path[PA_VFS_PATH_MAX];
    pa_node *dir;
    pa_lookup lk;
    (void)flags;
    uint32_t rc = dir_path(w, fd, path_ptr, path_len, path, &dir);
    if (rc) return rc;
    rc = pa_vfs_lookup(&w->vfs, dir, path, path_len, &lk);
    if (rc) return rc;
    if (!lk.node) return PA_WASI_ENOENT;
    return pa_vfs_set_times(lk.node, atim, mtim, fst);
}

/* mkdir, rmdir and unlink share their shape. */
typedef uint32_t (*path_op)(pa_vfs *, pa_node *, const char *, size_t);

static uint32_t path_simple(pa_wasi *w, uint32_t fd, uint32_t path_ptr,
                            uint32_t path_len, path_op op) {
    char path[PA_VFS_PATH_MAX];
    pa_node *dir;
    uint32_t rc = dir_path(w, fd, path_ptr, path_len, path, &dir);
    if (rc) return rc;
    return op(&w->vfs, dir, path, path_len);
}

static uint32_t path_rename(pa_wasi *w, uint32_t ofd, uint32_t optr,
                            uint32_t olen, uint32_t nfd, uint32_t nptr,
                            uint32_t nlen) {
    char opath[PA_VFS_PATH_MAX], npath[PA_VFS_PATH_MAX];
    pa_node *odir, *ndir;
    uint32_t rc = dir_path(w, ofd, optr, olen, opath, &odir);
    if (rc) return rc;
    rc = dir_path(w, nfd, nptr, nlen, npath, &ndir);
    if (rc) return rc;
    return pa_vfs_rename(&w->vfs, odir, opath, olen, ndir, npath, nlen);
}

static uint32_t path_link(pa_wasi *w, uint32_t ofd, uint32_t oflags,
                          uint32_t optr, uint32_t olen, uint32_t nfd,
                          uint32_t nptr, uint32_t nlen) {
    char opath[PA_VFS_PATH_MAX], npath[PA_VFS_PATH_MAX];
    pa_node *odir, *ndir;
    (void)oflags;
    uint32_t rc = dir_path(w, ofd, optr, olen, opath, &odir);
    if (rc) return rc;
    rc = dir_path(w, nfd, nptr, nlen, npath, &ndir);
    if (rc) return rc;
    return PA_WASI_ENOTSUP;
}

static uint32_t path_symlink(pa_wasi *w, uint32_t optr, uint32_t olen,
                             uint32_t fd, uint32_t nptr, uint32_t nlen) {
    char npath[PA_VFS_PATH_MAX];
    pa_node *dir;
    if (!pa_mem(w, optr, olen)) return PA_WASI_EFAULT;
    uint32_t rc = dir_path(w, fd, nptr, nlen, npath, &dir);
    if (rc) return rc;
    return PA_WASI_ENOTSUP;
}

static uint32_t path_readlink(pa_wasi *w, uint32_t fd, uint32_t path_ptr,
                              uint32_t path_len, uint32_t buf,
                              uint32_t buf_len, uint32_t used_ptr) {
    char path[PA_VFS_PATH_MAX];
    pa_node *dir;
    pa_lookup lk;
    uint32_t rc = dir_path(w, fd, path_ptr, path_len, path, &dir);
    if (rc) return rc;
    if (!pa_mem(w, buf, buf_len) || !pa_mem(w, used_ptr, 4))
        return PA_WASI_EFAULT;
    rc = pa_vfs_lookup(&w->vfs, dir, path, path_len, &lk);
    if (rc) return rc;
    return lk.node ? PA_WASI_EINVAL : PA_WASI_ENOENT;
}

/* ---- the imports ---- */

uint32_t Z_wasi_snapshot_preview1Z_path_open(pa_wasi *w, uint32_t fd,
                                             uint32_t dirflags, uint32_t path,
                                             uint32_t path_len,
                                             uint32_t oflags, uint64_t base,
                                             uint64_t inh, uint32_t fdflags,
                                             uint32_t fd_out)
PA_HOSTCALL(path_open(w, fd, dirflags, path, path_len, oflags, base, inh,
                      fdflags, fd_out))

uint32_t Z_wasi_snapshot_preview1Z_path_filestat_get(pa_wasi *w, uint32_t fd,
                                                     uint32_t flags,
                                                     uint32_t path,
                                                     uint32_t path_len,
                                                     uint32_t buf)
PA_HOSTCALL(path_filestat_get(w, fd, flags, path, path_len, buf))

uint32_t Z_wasi_snapshot_preview1Z_path_filestat_set_times(
    pa_wasi *w, uint32_t fd, uint32_t flags, uint32_t path, uint32_t path_len,
    uint64_t atim, uint64_t mtim, uint32_t fst)
PA_HOSTCALL(path_filestat_set_times(w, fd, flags, path, path_len, atim, mtim,
                                    fst))

uint32_t Z_wasi_snapshot_preview1Z_path_create_directory(pa_wasi *w,
                                                         uint32_t fd,
                                                         uint32_t path,
                                                         uint32_t path_len)
PA_HOSTCALL(path_simple(w, fd, path, path_len, pa_vfs_mkdir))

uint32_t Z_wasi_snapshot_preview1Z_path_remove_directory(pa_wasi *w,
                                                         uint32_t fd,
                                                         uint32_t path,
                                                         uint32_t path_len)
PA_HOSTCALL(path_simple(w, fd, path, path_len, pa_vfs_rmdir))

uint32_t Z_wasi_snapshot_preview1Z_path_unlink_file(pa_wasi *w, uint32_t fd,
                                                    uint32_t path,
                                                    uint32_t path_len)
PA_HOSTCALL(path_simple(w, fd, path, path_len, pa_vfs_unlink))

uint32_t Z_wasi_snapshot_preview1Z_path_rename(pa_wasi *w, uint32_t fd,
                                               uint32_t old_path,
                                               uint32_t old_len,
                                               uint32_t new_fd,
                                               uint32_t new_path,
                                               uint32_t new_len)
PA_HOSTCALL(path_rename(w, fd, old_path, old_len, new_fd, new_path, new_len))

uint32_t Z_wasi_snapshot_preview1Z_path_link(pa_wasi *w, uint32_t old_fd,
                                             uint32_t old_flags,
                                             uint32_t old_path,
                                             uint32_t old_len,
                                             uint32_t new_fd,
                                             uint32_t new_path,
                                             uint32_t new_len)
PA_HOSTCALL(path_link(w, old_fd, old_flags, old_path, old_len, new_fd,
                      new_path, new_len))

uint32_t Z_wasi_snapshot_preview1Z_path_symlink(pa_wasi *w, uint32_t old_path,
                                                uint32_t old_len, uint32_t fd,
                                                uint32_t new_path,
                                                uint32_t new_len)
PA_HOSTCALL(path_symlink(w, old_path, old_len, fd, new_path, new_len))

uint32_t Z_wasi_snapshot_preview1Z_path_readlink(pa_wasi *w, uint32_t fd,
                                                 uint32_t path,
                                                 uint32_t path_len,
                                                 uint32_t buf,
                                                 uint32_t buf_len,
                                                 uint32_t bufused)
PA_HOSTCALL(path_readlink(w, fd, path, path_len, buf, buf_len, bufused))
