/*
** vfs_ops.c — path resolution and the namespace operations built on it
** (mkdir, rmdir, unlink, rename, set-times, adding read-only files).
**
** Resolution is purely lexical on our own tree, so escaping it is
** impossible by construction: a path is split on '/', "." is skipped, ".."
** moves to the parent except at the root, where it stays (POSIX behaviour
** for "/.."), and there are no symlinks to follow.  A leading '/' restarts
** at the root; since the only preopen is "/" itself this grants nothing.
** Paths are limited to PA_VFS_PATH_MAX bytes, components to
** PA_VFS_NAME_MAX, and must not contain NUL.
**
** Permission model: a directory entry may be added, removed or renamed
** only if the directory is writable (i.e. /tmp or below); everything else
** is EACCES, which Python reports as PermissionError.  "Does it exist"
** errors (ENOENT, EEXIST) take precedence, as on a real read-only mount.
*/
#include "vfs.h"

#include <stdlib.h>
#include <string.h>

#include "wasi_abi.h"

static bool is_dir(const pa_node *n) {
    return n->type == PA_WASI_FILETYPE_DIRECTORY;
}

/* ".." of dir: the root is its own parent; a removed directory has none. */
static uint32_t parent_of(pa_vfs *v, pa_node *dir, pa_node **out) {
    if (dir == v->root) *out = dir;
    else if (!dir->parent) return PA_WASI_ENOENT;
    else *out = dir->parent;
    return PA_WASI_ESUCCESS;
}

uint32_t pa_vfs_lookup(pa_vfs *v, pa_node *base, const char *path,
                       size_t len, pa_lookup *out) {
    memset(out, 0, sizeof *out);
    if (len > PA_VFS_PATH_MAX) return PA_WASI_ENAMETOOLONG;
    if (memchr(path, '\0', len)) return PA_WASI_EINVAL;
    if (len == 0) return PA_WASI_ENOENT; /* POSIX: "" names nothing */
    if (!is_dir(base)) return PA_WASI_ENOTDIR;

    pa_node *cur = path[0] == '/' ? v->root : base;
    size_t end = len;
    while (end > 0 && path[end - 1] == '/') end--;
    out->trailing = end < len;

    size_t i = 0;
    for (;;) {
        while (i < end && path[i] == '/') i++;
        if (i >= end) {
            /* No components at all ("/", "//"): the path names cur. */
            out->dir = out->node = cur;
            out->name = ".";
            out->name_len = 1;
            out->dotname = true;
            return PA_WASI_ESUCCESS;
        }
        size_t s = i;
        while (i < end && path[i] != '/') i++;
        size_t n = i - s;
        const char *c = path + s;
        bool last = i >= end;
        if (n > PA_VFS_NAME_MAX) return PA_WASI_ENAMETOOLONG;

        pa_node *next;
        bool dot = false;
        if (n == 1 && c[0] == '.') {
            next = cur;
            dot = true;
        } else if (n == 2 && c[0] == '.' && c[1] == '.') {
            uint32_t rc = parent_of(v, cur, &next);
            if (rc) return rc;
            dot = true;
        } else {
            /* Nothing can be found in a directory that has been removed. */
            next = cur->linked ? pa_vfs_find(cur, c, n) : NULL;
            if (!next && !last) return PA_WASI_ENOENT;
        }
        if (last) {
            out->dir = cur;
            out->node = next;
            out->name = c;
            out->name_len = n;
            out->dotname = dot;
            if (next && out->trailing && !is_dir(next))
                return PA_WASI_ENOTDIR;
            if (!next && !cur->linked) return PA_WASI_ENOENT;
            return PA_WASI_ESUCCESS;
        }
        if (!is_dir(next)) return PA_WASI_ENOTDIR;
        cur = next;
    }
}

uint32_t pa_vfs_mkdir(pa_vfs *v, pa_node *base, const char *path,
                      size_t len) {
    pa_lookup lk;
    uint32_t rc = pa_vfs_lookup(v, base, path, len, &lk);
    if (rc == PA_WASI_ENOTDIR && lk.node) return PA_WASI_EEXIST;
    if (rc) return rc;
    if (lk.node) return PA_WASI_EEXIST;
    if (!lk.dir->writable) return PA_WASI_EACCES;
    return pa_vfs_create(v, lk.dir, lk.name, lk.name_len,
                         PA_WASI_FILETYPE_DIRECTORY, true, NULL);
}

uint32_t pa_vfs_rmdir(pa_vfs *v, pa_node *base, const char *path,
                      size_t len) {
    pa_lookup lk;
    uint32_t rc = pa_vfs_lookup(v, base, path, len, &lk);
    if (rc) return rc;
    if (!lk.node) return PA_WASI_ENOENT;
    if (!is_dir(lk.node)) return PA_WASI_ENOTDIR;
    if (lk.node == v->root) return PA_WASI_EBUSY;
    if (lk.dotname) /* rmdir(".") is EINVAL; ".." names a non-empty dir */
        return lk.name_len == 1 ? PA_WASI_EINVAL : PA_WASI_ENOTEMPTY;
    if (!lk.dir->writable) return PA_WASI_EACCES;
    if (lk.node->nslots) return PA_WASI_ENOTEMPTY;
    pa_vfs_detach(v, lk.dir, lk.name, lk.name_len);
    return PA_WASI_ESUCCESS;
}

uint32_t pa_vfs_unlink(pa_vfs *v, pa_node *base, const char *path,
                       size_t len) {
    pa_lookup lk;
    uint32_t rc = pa_vfs_lookup(v, base, path, len, &lk);
    if (rc) return rc;
    if (!lk.node) return PA_WASI_ENOENT;
    if (is_dir(lk.node)) return PA_WASI_EISDIR;
    if (!lk.dir->writable) return PA_WASI_EACCES;
    pa_vfs_detach(v, lk.dir, lk.name, lk.name_len);
    return PA_WASI_ESUCCESS;
}

/* Is `n` the directory `dir` or one of its ancestors?  Walks up, so the
** cost is the depth, and never recurses. */
static bool is_ancestor(const pa_vfs *v, const pa_node *n,
                        const pa_node *dir) {
    for (const pa_node *d = dir; d; d = d->parent) {
        if (d == n) return true;
        if (d == v->root) break;
    }
    return false;
}

uint32_t pa_vfs_rename(pa_vfs *v, pa_node *obase, const char *opath,
                       size_t olen, pa_node *nbase, const char *npath,
                       size_t nlen) {
    pa_lookup o, n;
    char *copy = NULL;
    uint32_t rc = pa_vfs_lookup(v, obase, opath, olen, &o);
    if (rc) return rc;
    if (!o.node) return PA_WASI_ENOENT;
    rc = pa_vfs_lookup(v, nbase, npath, nlen, &n);
    /* "file" -> "newname/": the destination can never be a directory. */
    if (rc == PA_WASI_ENOTDIR && n.node) return PA_WASI_ENOTDIR;
    if (rc) return rc;
    if (o.dotname || n.dotname) return PA_WASI_EBUSY;
    if (!o.dir->writable || !n.dir->writable) return PA_WASI_EACCES;
    if (n.trailing && !is_dir(o.node)) return PA_WASI_ENOTDIR;
    if (o.node == n.node) return PA_WASI_ESUCCESS; /* POSIX: a no-op */
    if (is_dir(o.node) && is_ancestor(v, o.node, n.dir))
        return PA_WASI_EINVAL; /* a directory can't move into itself */
    if (n.node) {
        if (is_dir(o.node) && !is_dir(n.node)) return PA_WASI_ENOTDIR;
        if (!is_dir(o.node) && is_dir(n.node)) return PA_WASI_EISDIR;
        if (is_dir(n.node) && n.node->nslots) return PA_WASI_ENOTEMPTY;
    } else if (n.name_len > PA_VFS_NAME_MAX) {
        return PA_WASI_ENAMETOOLONG;
    }

    /* Everything that can fail happens before the first change. */
    rc = pa_vfs_slot_reserve(n.dir);
    if (rc) return rc;
    copy = malloc(n.name_len + 1);
    if (!copy) return PA_WASI_ENOMEM;
    memcpy(copy, n.name, n.name_len);
    copy[n.name_len] = '\0';

    pa_node *node = o.node;
    pa_vfs_ref(node); /* survives its detach; becomes the new entry's ref */
    if (n.node) pa_vfs_detach(v, n.dir, n.name, n.name_len);
    pa_vfs_detach(v, o.dir, o.name, o.name_len);
    pa_vfs_attach(n.dir, copy, n.name_len, node);
    node->ctim = pa_vfs_now();
    return PA_WASI_ESUCCESS;
}

uint32_t pa_vfs_set_times(pa_node *n, uint64_t atim, uint64_t mtim,
                          uint32_t fst) {
    if (fst & ~PA_FST_ALL) return PA_WASI_EINVAL;
    if ((fst & PA_FST_ATIM) && (fst & PA_FST_ATIM_NOW)) return PA_WASI_EINVAL;
    if ((fst & PA_FST_MTIM) && (fst & PA_FST_MTIM_NOW)) return PA_WASI_EINVAL;
    if (!n->writable) return PA_WASI_EACCES;
    uint64_t now = pa_vfs_now();
    if (fst & PA_FST_ATIM) n->atim = atim;
    if (fst & PA_FST_ATIM_NOW) n->atim = now;
    if (fst & PA_FST_MTIM) n->mtim = mtim;
    if (fst & PA_FST_MTIM_NOW) n->mtim = now;
    n->ctim = now;
    return PA_WASI_ESUCCESS;
}

/* Host-side population of the read-only tree.  The runtime is trusted, but
** the path is still checked like a guest's so the tree stays well formed. */
uint32_t pa_vfs_add_ro_file(pa_vfs *v, const char *path, const uint8_t *data,
                            size_t len) {
    return pa_vfs_add_ro(v, path, data, len, PA_WASI_FILETYPE_REGULAR_FILE);
}

uint32_t pa_vfs_add_ro(pa_vfs *v, const char *path, const uint8_t *data,
                       size_t len, uint8_t type) {
    size_t plen = strlen(path);
    if (plen == 0 || path[0] != '/') return PA_WASI_EINVAL;
    if (plen > PA_VFS_PATH_MAX) return PA_WASI_ENAMETOOLONG;
    pa_node *cur = v->root;
    size_t i = 0;
    for (;;) {
        while (i < plen && path[i] == '/') i++;
        if (i >= plen) return PA_WASI_EINVAL; /* ends in '/' */
        size_t s = i;
        while (i < plen && path[i] != '/') i++;
        size_t n = i - s;
        const char *c = path + s;
        if ((n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
            return PA_WASI_EINVAL;
        if (n > PA_VFS_NAME_MAX) return PA_WASI_ENAMETOOLONG;
        pa_node *next = pa_vfs_find(cur, c, n);
        if (next && next->writable) return PA_WASI_EINVAL; /* /tmp */
        if (i >= plen) {
            if (next) return PA_WASI_EEXIST;
            pa_node *f;
            uint32_t rc = pa_vfs_create(v, cur, c, n, type, false, &f);
            if (rc || type == PA_WASI_FILETYPE_DIRECTORY) return rc;
            f->data = (uint8_t *)(uintptr_t)data; /* borrowed, never written */
            f->borrowed = true;
            f->size = f->cap = len;
            return PA_WASI_ESUCCESS;
        }
        if (!next) {
            uint32_t rc = pa_vfs_create(v, cur, c, n,
                                        PA_WASI_FILETYPE_DIRECTORY, false,
                                        &next);
            if (rc) return rc;
        }
        if (!is_dir(next)) return PA_WASI_ENOTDIR;
        cur = next;
    }
}
