/*
** vfs.c — nodes of the in-memory file tree: creation, reference counting,
** directory entries, file data and the /tmp quota.
**
** Quota accounting is done where memory changes hands, so it cannot drift:
** a node is charged to the file quota when it is allocated (if it lives in
** /tmp) and uncharged when it is freed; file bytes are charged and
** uncharged in pa_vfs_file_resize, the only function that changes a size.
** The byte quota counts logical sizes, not allocator capacity; capacity is
** kept within a bounded factor of the size so host memory stays bounded by
** the quota too.  A guest can never make the host allocate more than the
** quota allows, whatever offset it writes at: the check comes first.
*/
#include "vfs.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wasi_abi.h"

uint64_t pa_vfs_now(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0 || ts.tv_sec < 0) return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Allocate a node with one reference (owned by the caller).  Nodes in /tmp
** are charged to the file quota here. */
static uint32_t node_new(pa_vfs *v, uint8_t type, bool writable,
                         pa_node **out) {
    if (writable && v->used_files >= v->max_files) return PA_WASI_EDQUOT;
    pa_node *n = calloc(1, sizeof *n);
    if (!n) return PA_WASI_ENOMEM;
    n->type = type;
    n->writable = writable;
    n->charged = writable;
    n->refs = 1;
    n->ino = v->next_ino++;
    n->atim = n->mtim = n->ctim = pa_vfs_now();
    n->next_seq = 2; /* cookies 0 and 1 are "." and ".." */
    if (writable) v->used_files++;
    n->all_next = v->all;
    if (v->all) v->all->all_prev = n;
    v->all = n;
    *out = n;
    return PA_WASI_ESUCCESS;
}

static void node_free(pa_vfs *v, pa_node *n) {
    if (n->all_prev) n->all_prev->all_next = n->all_next;
    else v->all = n->all_next;
    if (n->all_next) n->all_next->all_prev = n->all_prev;
    if (n->charged) {
        v->used_files--;
        v->used_bytes -= n->size;
    }
    if (!n->borrowed) free(n->data);
    /* A directory is only freed once empty (rmdir and rename insist), so
    ** its entries hold no references; their names are all that is left. */
    for (uint32_t i = 0; i < n->nslots; i++) free(n->slots[i].name);
    free(n->slots);
    free(n);
}

void pa_vfs_ref(pa_node *n) { n->refs++; }

void pa_vfs_unref(pa_vfs *v, pa_node *n) {
    if (n && --n->refs == 0) node_free(v, n);
}

uint32_t pa_vfs_init(pa_vfs *v, uint64_t max_bytes, uint32_t max_files) {
    memset(v, 0, sizeof *v);
    v->max_bytes = max_bytes;
    v->max_files = max_files;
    v->next_ino = 1;
    v->init_time = pa_vfs_now();
    uint32_t rc = node_new(v, PA_WASI_FILETYPE_DIRECTORY, false, &v->root);
    if (rc) goto fail;
    v->root->linked = true; /* never removable; see pa_vfs_lookup */
    rc = pa_vfs_create(v, v->root, "lib", 3, PA_WASI_FILETYPE_DIRECTORY,
                       false, &v->lib);
    if (rc) goto fail;
    /* /tmp itself is writable but not charged: the quota is for the
    ** guest's own files. */
    rc = pa_vfs_create(v, v->root, "tmp", 3, PA_WASI_FILETYPE_DIRECTORY,
                       false, &v->tmp);
    if (rc) goto fail;
    v->tmp->writable = true;
    return PA_WASI_ESUCCESS;
fail:
    pa_vfs_destroy(v);
    return rc;
}

void pa_vfs_destroy(pa_vfs *v) {
    while (v->all) {
        pa_node *n = v->all;
        n->charged = false;
        node_free(v, n);
    }
    memset(v, 0, sizeof *v);
}

static pa_dirslot *slot_find(const pa_node *dir, const char *name,
                             size_t len, uint32_t *index) {
    for (uint32_t i = 0; i < dir->nslots; i++) {
        pa_dirslot *s = &dir->slots[i];
        if (s->name_len == len && memcmp(s->name, name, len) == 0) {
            if (index) *index = i;
            return s;
        }
    }
    return NULL;
}

pa_node *pa_vfs_find(const pa_node *dir, const char *name, size_t len) {
    pa_dirslot *s = slot_find(dir, name, len, NULL);
    return s ? s->node : NULL;
}

void pa_vfs_touch(pa_node *n) { n->mtim = n->ctim = pa_vfs_now(); }

uint32_t pa_vfs_slot_reserve(pa_node *dir) {
    if (dir->nslots < dir->capslots) return PA_WASI_ESUCCESS;
    /* The file quota bounds entries in /tmp; read-only directories only
    ** grow under the runtime's control. */
    uint32_t cap = dir->capslots ? dir->capslots * 2 : 8;
    if (cap < dir->capslots) return PA_WASI_ENOMEM;
    pa_dirslot *s = realloc(dir->slots, (size_t)cap * sizeof *s);
    if (!s) return PA_WASI_ENOMEM;
    dir->slots = s;
    dir->capslots = cap;
    return PA_WASI_ESUCCESS;
}

void pa_vfs_attach(pa_node *dir, char *name, size_t len, pa_node *n) {
    pa_dirslot *s = &dir->slots[dir->nslots++];
    s->name = name;
    s->name_len = (uint32_t)len;
    s->seq = dir->next_seq++;
    s->node = n;
    n->linked = true;
    if (n->type == PA_WASI_FILETYPE_DIRECTORY) {
        n->parent = dir;
        pa_vfs_ref(dir);
    }
    pa_vfs_touch(dir);
}

uint32_t pa_vfs_create(pa_vfs *v, pa_node *dir, const char *name,
                       size_t len, uint8_t type, bool writable,
                       pa_node **out) {
    char *copy = NULL;
    pa_node *n = NULL;
    uint32_t rc;

    if (dir->type != PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_ENOTDIR;
    if (!dir->linked) return PA_WASI_ENOENT; /* removed while open */
    if (len == 0) return PA_WASI_ENOENT;
    if (len > PA_VFS_NAME_MAX) return PA_WASI_ENAMETOOLONG;
    if (pa_vfs_find(dir, name, len)) return PA_WASI_EEXIST;
    rc = pa_vfs_slot_reserve(dir);
    if (rc) goto fail;
    rc = PA_WASI_ENOMEM;
    copy = malloc(len + 1);
    if (!copy) goto fail;
    memcpy(copy, name, len);
    copy[len] = '\0';
    rc = node_new(v, type, writable, &n);
    if (rc) goto fail;
    pa_vfs_attach(dir, copy, len, n); /* n's reference now belongs to it */
    if (out) *out = n;
    return PA_WASI_ESUCCESS;
fail:
    free(copy);
    return rc;
}

void pa_vfs_detach(pa_vfs *v, pa_node *dir, const char *name, size_t len) {
    uint32_t i;
    pa_dirslot *s = slot_find(dir, name, len, &i);
    if (!s) return;
    pa_node *n = s->node;
    free(s->name);
    /* memmove keeps the slots in seq order, which readdir relies on. */
    memmove(&dir->slots[i], &dir->slots[i + 1],
            (size_t)(dir->nslots - i - 1) * sizeof *s);
    dir->nslots--;
    pa_vfs_touch(dir);
    n->linked = false;
    n->ctim = pa_vfs_now();
    if (n->type == PA_WASI_FILETYPE_DIRECTORY) {
        n->parent = NULL;
        pa_vfs_unref(v, dir);
    }
    pa_vfs_unref(v, n);
}

/* Capacity for a file of `size` bytes: exact for the first allocation of
** small files, then growth by half again (capped at 8 MiB per step) so that
** appends are amortised but the slack never exceeds the quota much. */
static uint64_t grow_cap(uint64_t cap, uint64_t size) {
    uint64_t step = cap / 2;
    if (step > ((uint64_t)8 << 20)) step = (uint64_t)8 << 20;
    uint64_t want = cap + step;
    if (want < 64) want = 64;
    return want > size ? want : size;
}

uint32_t pa_vfs_file_resize(pa_vfs *v, pa_node *n, uint64_t size) {
    if (n->type == PA_WASI_FILETYPE_DIRECTORY) return PA_WASI_EISDIR;
    if (!n->writable || n->borrowed) return PA_WASI_EACCES;
    if (size > (uint64_t)INT64_MAX) return PA_WASI_EFBIG;
    if (size > n->size) {
        uint64_t delta = size - n->size;
        if (delta > v->max_bytes - v->used_bytes) return PA_WASI_ENOSPC;
    }
    if (size > n->cap) {
        uint64_t cap = grow_cap(n->cap, size);
        if (cap > SIZE_MAX) return PA_WASI_ENOMEM;
        uint8_t *d = realloc(n->data, (size_t)cap);
        if (!d && cap > size) { /* retry without the slack */
            cap = size;
            d = realloc(n->data, (size_t)cap);
        }
        if (!d) return PA_WASI_ENOMEM;
        n->data = d;
        n->cap = cap;
    }
    if (size > n->size) {
        /* Bytes past the old end may be stale from an earlier shrink. */
        memset(n->data + n->size, 0, (size_t)(size - n->size));
        v->used_bytes += size - n->size;
    } else {
        v->used_bytes -= n->size - size;
        if (size == 0) {
            free(n->data);
            n->data = NULL;
            n->cap = 0;
        } else if (size < n->cap / 4 && n->cap > 4096) {
            uint8_t *d = realloc(n->data, (size_t)size);
            if (d) { /* on failure the bigger block simply stays */
                n->data = d;
                n->cap = size;
            }
        }
    }
    n->size = size;
    return PA_WASI_ESUCCESS;
}
