/*
** fdtable.c — the guest's file descriptor table.
**
** A fixed array of PA_WASI_MAX_FDS slots embedded in the context: no
** allocation, so opening can only fail with EMFILE, and a guest can't make
** the host grow anything.  New fds take the lowest free slot, as POSIX does.
** Slots 0-2 start as stdio, slot 3 as the preopened root "/".  A slot is
** self-describing (kind, flags, rights, offset, node), so fd_renumber just
** moves it.
**
** stdio fds claim FD_SEEK and FD_TELL rights although seeking them fails
** with ESPIPE: wasi-libc's isatty() is "character device without seek/tell
** rights", and the guest must see a pipe, not a terminal (Python would
** otherwise line-buffer output and print interactive banners).
*/
#include "wasi_impl.h"

#include <string.h>

/* Rights that make sense on each kind of object; fds are opened with the
** intersection of these and what the guest asked for. */
#define FILE_RIGHTS                                                         \
    (PA_RIGHT_FD_DATASYNC | PA_RIGHT_FD_READ | PA_RIGHT_FD_SEEK |          \
     PA_RIGHT_FD_FDSTAT_SET_FLAGS | PA_RIGHT_FD_SYNC | PA_RIGHT_FD_TELL |  \
     PA_RIGHT_FD_WRITE | PA_RIGHT_FD_ADVISE | PA_RIGHT_FD_ALLOCATE |       \
     PA_RIGHT_FD_FILESTAT_GET | PA_RIGHT_FD_FILESTAT_SET_SIZE |            \
     PA_RIGHT_FD_FILESTAT_SET_TIMES | PA_RIGHT_POLL_FD_READWRITE)
#define DIR_RIGHTS                                                          \
    (PA_RIGHT_FD_DATASYNC | PA_RIGHT_FD_FDSTAT_SET_FLAGS |                 \
     PA_RIGHT_FD_SYNC | PA_RIGHT_PATH_CREATE_DIRECTORY |                   \
     PA_RIGHT_PATH_CREATE_FILE | PA_RIGHT_PATH_LINK_SOURCE |               \
     PA_RIGHT_PATH_LINK_TARGET | PA_RIGHT_PATH_OPEN |                      \
     PA_RIGHT_FD_READDIR | PA_RIGHT_PATH_READLINK |                        \
     PA_RIGHT_PATH_RENAME_SOURCE | PA_RIGHT_PATH_RENAME_TARGET |           \
     PA_RIGHT_PATH_FILESTAT_GET | PA_RIGHT_PATH_FILESTAT_SET_SIZE |        \
     PA_RIGHT_PATH_FILESTAT_SET_TIMES | PA_RIGHT_FD_FILESTAT_GET |         \
     PA_RIGHT_FD_FILESTAT_SET_TIMES | PA_RIGHT_PATH_SYMLINK |              \
     PA_RIGHT_PATH_REMOVE_DIRECTORY | PA_RIGHT_PATH_UNLINK_FILE)
#define STDIO_RIGHTS                                                        \
    (PA_RIGHT_FD_SEEK | PA_RIGHT_FD_TELL | PA_RIGHT_FD_FDSTAT_SET_FLAGS |  \
     PA_RIGHT_FD_FILESTAT_GET | PA_RIGHT_POLL_FD_READWRITE)

uint64_t pa_fd_max_rights(uint8_t filetype) {
    return filetype == PA_WASI_FILETYPE_DIRECTORY ? DIR_RIGHTS : FILE_RIGHTS;
}

void pa_fdtable_init(pa_wasi *w) {
    memset(w->fds, 0, sizeof w->fds);
    w->fds[0].kind = PA_FD_STDIN;
    w->fds[0].rights_base = STDIO_RIGHTS | PA_RIGHT_FD_READ;
    w->fds[1].kind = PA_FD_STDOUT;
    w->fds[1].rights_base = STDIO_RIGHTS | PA_RIGHT_FD_WRITE;
    w->fds[2].kind = PA_FD_STDERR;
    w->fds[2].rights_base = STDIO_RIGHTS | PA_RIGHT_FD_WRITE;

    pa_fd *root = &w->fds[PA_WASI_PREOPEN_FD];
    root->kind = PA_FD_NODE;
    root->preopen = true;
    root->rights_base = DIR_RIGHTS;
    /* wasi-libc opens files with (wanted & inheriting of the dir fd), so
    ** the preopen must pass on every right a file or directory can use. */
    root->rights_inh = DIR_RIGHTS | FILE_RIGHTS;
    root->node = w->vfs.root;
    pa_vfs_ref(root->node);
}

pa_fd *pa_fd_get(pa_wasi *w, uint32_t fd) {
    if (fd >= PA_WASI_MAX_FDS || w->fds[fd].kind == PA_FD_FREE) return NULL;
    return &w->fds[fd];
}

int pa_fd_free_slot(const pa_wasi *w) {
    for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++)
        if (w->fds[i].kind == PA_FD_FREE) return (int)i;
    return -1;
}

void pa_fd_release(pa_wasi *w, pa_fd *f) {
    if (f->kind == PA_FD_NODE) pa_vfs_unref(&w->vfs, f->node);
    memset(f, 0, sizeof *f);
}

void pa_fdtable_close_all(pa_wasi *w) {
    for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++)
        if (w->fds[i].kind != PA_FD_FREE) pa_fd_release(w, &w->fds[i]);
}

uint32_t pa_fd_renumber(pa_wasi *w, uint32_t from, uint32_t to) {
    pa_fd *src = pa_fd_get(w, from);
    if (!src) return PA_WASI_EBADF;
    /* Like dup2, the target may be closed or open (then it is closed). */
    if (to >= PA_WASI_MAX_FDS) return PA_WASI_EBADF;
    if (from == to) return PA_WASI_ESUCCESS;
    pa_fd *dst = &w->fds[to];
    if (dst->kind != PA_FD_FREE) pa_fd_release(w, dst);
    *dst = *src;
    memset(src, 0, sizeof *src); /* the reference moved with the slot */
    return PA_WASI_ESUCCESS;
}

uint8_t pa_fd_filetype(const pa_fd *f) {
    return f->kind == PA_FD_NODE ? f->node->type
                                 : PA_WASI_FILETYPE_CHARACTER_DEVICE;
}

void pa_fill_filestat(uint8_t *p, const pa_fd *f, const pa_node *n) {
    memset(p, 0, PA_FILESTAT_SIZE);
    if (!n) {
        /* stdio: a character device with a fixed identity per stream. */
        pa_put_u64(p + PA_FILESTAT_DEV, 0);
        pa_put_u64(p + PA_FILESTAT_INO, f ? f->kind : 0);
        pa_put_u8(p + PA_FILESTAT_FILETYPE,
                  PA_WASI_FILETYPE_CHARACTER_DEVICE);
        pa_put_u64(p + PA_FILESTAT_NLINK, 1);
        return;
    }
    uint64_t nlink = n->linked ? (n->type == PA_WASI_FILETYPE_DIRECTORY ? 2 : 1)
                               : 0;
    pa_put_u64(p + PA_FILESTAT_DEV, PA_VFS_DEV);
    pa_put_u64(p + PA_FILESTAT_INO, n->ino);
    pa_put_u8(p + PA_FILESTAT_FILETYPE, n->type);
    pa_put_u64(p + PA_FILESTAT_NLINK, nlink);
    pa_put_u64(p + PA_FILESTAT_FSIZE,
               n->type == PA_WASI_FILETYPE_DIRECTORY ? 4096 : n->size);
    pa_put_u64(p + PA_FILESTAT_ATIM, n->atim);
    pa_put_u64(p + PA_FILESTAT_MTIM, n->mtim);
    pa_put_u64(p + PA_FILESTAT_CTIM, n->ctim);
}
