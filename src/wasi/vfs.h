/*
** vfs.h — the in-memory file tree behind the WASI layer.
**
** The tree is tiny and fixed in shape: "/" and "/lib" are read-only
** directories (the runtime adds read-only files such as the stdlib zip), and
** "/tmp" is the only writable place.  Everything created under /tmp counts
** against two quotas: total file bytes and number of nodes.
**
** Nodes are reference counted.  A directory entry holds one reference, every
** open fd holds one, and a linked subdirectory holds one on its parent (so
** ".." of an open but removed directory never dangles).  Unlinking a file
** that is still open therefore keeps its data alive until the last close,
** exactly like POSIX; its bytes stay charged to the quota until then.
** Every node is also on a list owned by the vfs, so teardown frees all of
** them regardless of reference cycles or counts.
**
** Directory entries carry a per-directory sequence number that only grows.
** fd_readdir cookies are those numbers, so an entry added or removed during
** a listing never makes another entry be skipped or repeated.
**
** All functions return a WASI errno (0 on success): the vfs knows file
** system semantics, the import layer only decodes arguments.
*/
#ifndef PA_WASI_VFS_H
#define PA_WASI_VFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PA_VFS_PATH_MAX 4096u /* longest path accepted, in bytes */
#define PA_VFS_NAME_MAX 255u  /* longest single component */
#define PA_VFS_DEV 1u         /* st_dev of every vfs node */

typedef struct pa_node pa_node;

typedef struct pa_dirslot {
    char *name;      /* NUL-terminated copy */
    uint32_t name_len;
    uint64_t seq;    /* readdir cookie of this entry; >= 2 */
    pa_node *node;
} pa_dirslot;

struct pa_node {
    pa_node *all_prev, *all_next; /* the vfs-wide list of every node */
    uint8_t type;                 /* PA_WASI_FILETYPE_DIRECTORY or _REGULAR_FILE */
    bool writable;                /* inside /tmp: may be modified */
    bool linked;                  /* has a directory entry (root: always) */
    bool charged;                 /* counted in the vfs's file quota */
    uint32_t refs;
    uint64_t ino;
    uint64_t atim, mtim, ctim;

    /* regular files */
    uint8_t *data;                /* owned unless `borrowed` */
    uint64_t size, cap;
    bool borrowed;

    /* directories */
    pa_node *parent;              /* NULL for the root and for removed dirs */
    pa_dirslot *slots;            /* in increasing seq order */
    uint32_t nslots, capslots;
    uint64_t next_seq;
};

typedef struct pa_vfs {
    pa_node *root, *lib, *tmp;
    pa_node *all;                 /* head of the list of every node */
    uint64_t next_ino;
    uint64_t max_bytes, used_bytes;
    uint32_t max_files, used_files;
    uint64_t init_time;           /* times a reset gives the fixed nodes */
} pa_vfs;

/* The result of resolving a path against a directory. */
typedef struct pa_lookup {
    pa_node *dir;      /* directory holding (or that would hold) the name */
    pa_node *node;     /* what the path names, NULL if it does not exist */
    const char *name;  /* final component, inside the caller's path buffer */
    size_t name_len;
    bool dotname;      /* final component was "." or "..", or the path was
                       ** "/": it names a directory but no entry of `dir` */
    bool trailing;     /* the path ended in '/' */
} pa_lookup;

/* vfs.c: nodes, quota, file data */
uint32_t pa_vfs_init(pa_vfs *v, uint64_t max_bytes, uint32_t max_files);
void pa_vfs_destroy(pa_vfs *v);
uint64_t pa_vfs_now(void);
void pa_vfs_ref(pa_node *n);
void pa_vfs_unref(pa_vfs *v, pa_node *n);
pa_node *pa_vfs_find(const pa_node *dir, const char *name, size_t len);
uint32_t pa_vfs_file_resize(pa_vfs *v, pa_node *n, uint64_t size);
void pa_vfs_touch(pa_node *n);
/* Create name in dir (no permission check: callers decide).  *out is
** borrowed (the entry owns it). */
uint32_t pa_vfs_create(pa_vfs *v, pa_node *dir, const char *name,
                       size_t len, uint8_t type, bool writable,
                       pa_node **out);
/* Remove the entry name from dir and drop its reference. */
void pa_vfs_detach(pa_vfs *v, pa_node *dir, const char *name, size_t len);
/* The two halves of linking a node, split so that everything that can fail
** happens before anything changes: make room for one more entry, then
** attach `n` under `name` (ownership of the malloc'd name and of one
** reference to n passes to the entry; cannot fail after a reserve). */
uint32_t pa_vfs_slot_reserve(pa_node *dir);
void pa_vfs_attach(pa_node *dir, char *name, size_t len, pa_node *n);

/* vfs_ops.c: path resolution and namespace operations */
uint32_t pa_vfs_lookup(pa_vfs *v, pa_node *base, const char *path,
                       size_t len, pa_lookup *out);
uint32_t pa_vfs_mkdir(pa_vfs *v, pa_node *base, const char *path,
                      size_t len);
uint32_t pa_vfs_rmdir(pa_vfs *v, pa_node *base, const char *path,
                      size_t len);
uint32_t pa_vfs_unlink(pa_vfs *v, pa_node *base, const char *path,
                       size_t len);
uint32_t pa_vfs_rename(pa_vfs *v, pa_node *obase, const char *opath,
                       size_t olen, pa_node *nbase, const char *npath,
                       size_t nlen);
uint32_t pa_vfs_set_times(pa_node *n, uint64_t atim, uint64_t mtim,
                          uint32_t fstflags);
uint32_t pa_vfs_add_ro_file(pa_vfs *v, const char *path, const uint8_t *data,
                            size_t len);
/* The same for a file or (type DIRECTORY, no data) an empty directory. */
uint32_t pa_vfs_add_ro(pa_vfs *v, const char *path, const uint8_t *data,
                       size_t len, uint8_t type);

#endif
