/*
** wasi_state.c — saving, restoring and resetting the guest-visible WASI
** state: the /tmp tree and the fd table.  Guest memory is saved elsewhere;
** stdin and stdout belong to a single call and are not part of the state.
**
** The read-only tree ("/", "/lib", the borrowed files) is never copied: the
** loading context was built the same way, so those nodes already exist
** with the same inode numbers.  They are listed by inode, type and (files)
** size, which load checks against the context, and their times, which it
** restores, so that stat() sees exactly what it saw before.  /tmp is such a
** fixed node too, but its entries are the guest's.  Every node the guest
** created is saved in full, linked or not (open but unlinked files, open
** but removed directories).
**
** Format, version 1.  Integers are little-endian, written byte by byte.
**
**   "PAWS" u32 version
**   u64 next_ino
**   u32 node count, then per node, in strictly increasing inode order:
**       u8 type (WASI filetype: 3 directory, 4 regular file)
**       u8 origin (0 fixed: exists in every fresh context; 1 guest)
**       u64 ino, atim, mtim, ctim
**       file:                  u64 size, then (guest only) size bytes
**       directory, guest or /tmp:  u64 next_seq
**   u32 link count, then per directory entry:
**       u32 dir, u32 child (node indexes), u64 seq, u16 name length, name
**   u32 fd count, then per open slot, in increasing slot order:
**       u32 slot, u8 kind (1 stdin 2 stdout 3 stderr 4 node), u8 preopen,
**       u16 fdflags, u64 rights_base, rights_inh, pos, and for kind 4
**       u32 node index
**
** The order is canonical (nodes by inode, links breadth-first from /tmp in
** readdir order, fds by slot), so saving a loaded state gives back the same
** bytes.  Links come parents first, and load accepts a link only into /tmp
** or into a directory already linked, and only of a node not linked yet:
** every node then has one parent and is reachable from /tmp, so a cycle or
** a directory with two parents can't be expressed and no graph walk is
** needed to rule them out.
**
** Load builds straight into the context.  vfs.c allocates nodes only
** through pa_vfs_create, which also links them, so each guest node is
** created under a scratch name in /tmp and detached at once, kept alive by
** a reference the loader holds; the links then attach it under its real
** name and sequence number.  Going through pa_vfs_create and
** pa_vfs_file_resize charges the quotas exactly as the guest's own calls
** did.  Every field is checked as it is read; on any failure the loader
** unlinks what it linked, closes the fds and drops its references, which
** frees every node it made and leaves the context fresh.
*/
#include "wasi_impl.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define STATE_VERSION 1u
#define ORIGIN_FIXED 0u
#define ORIGIN_GUEST 1u
/* Stored fd kinds, kept apart from the PA_FD_* enum so that reordering it
** can never silently change the format. */
enum { ST_STDIN = 1, ST_STDOUT, ST_STDERR, ST_NODE };
/* Smallest node record: type, origin, ino and three times. */
#define MIN_NODE_BYTES 34u
/* Rights a read-only file's fd can never hold (path_open refuses them). */
#define WRITE_INTENT \
    (PA_RIGHT_FD_WRITE | PA_RIGHT_FD_ALLOCATE | PA_RIGHT_FD_FILESTAT_SET_SIZE)

static bool is_dir(const pa_node *n) {
    return n->type == PA_WASI_FILETYPE_DIRECTORY;
}

/* Made by the guest, hence saved in full.  /tmp is writable but fixed. */
static bool is_guest(const pa_vfs *v, const pa_node *n) {
    return n->writable && n != v->tmp;
}

/* Directories whose entries are part of the state: /tmp and the guest's. */
static bool owns_entries(const pa_node *n) { return is_dir(n) && n->writable; }

/* ---- reset ---- */

/* Empty /tmp, deepest entries first so that only empty directories are
** detached; iterative, since a guest can nest directories as deep as its
** file quota allows.  A directory being emptied is its parent's last slot,
** so climbing back to the parent resumes exactly there. */
static void clear_tmp(pa_vfs *v) {
    pa_node *d = v->tmp;
    for (;;) {
        if (d->nslots) {
            pa_dirslot *s = &d->slots[d->nslots - 1];
            if (is_dir(s->node) && s->node->nslots) d = s->node;
            else pa_vfs_detach(v, d, s->name, s->name_len);
        } else if (d != v->tmp) {
            d = d->parent;
        } else {
            return;
        }
    }
}

/* Everything but stdin back to fresh.  Fds are closed first, so each node
** is freed as soon as it is detached, and unlinked ones at their close.
** next_ino goes back to just past the read-only tree (the only nodes left,
** a handful) so every fresh run sees the same inode numbers; /tmp's
** next_seq likewise, and the fixed nodes' times. */
static void clear_state(pa_wasi *w) {
    pa_vfs *v = &w->vfs;
    pa_fdtable_close_all(w);
    pa_fdtable_init(w);
    clear_tmp(v);
    v->tmp->next_seq = 2;
    uint64_t max = 0;
    /* The fixed nodes' times too: a run can set /tmp's with utime (64 bits
    ** each), and a loaded session sets all of them; the next run must not
    ** be able to read either. */
    for (pa_node *n = v->all; n; n = n->all_next) {
        n->atim = n->mtim = n->ctim = v->init_time;
        if (n->ino > max) max = n->ino;
    }
    v->next_ino = max + 1;
    assert(v->used_files == 0 && v->used_bytes == 0);
}

void pa_wasi_reset(pa_wasi *w) {
    clear_state(w);
    free(w->stdin_data);
    w->stdin_data = NULL;
    w->stdin_len = w->stdin_pos = 0;
}

size_t pa_wasi_state_max(const pa_wasi *w) {
    /* Every node and entry record is well under 512 bytes; file contents
    ** are bounded by the byte quota. */
    return (size_t)w->vfs.max_bytes + ((size_t)w->vfs.max_files + 16) * 512 + PA_WASI_MAX_FDS * 64 + 4096;
}

bool pa_wasi_take_stdin_read(pa_wasi *w) {
    bool r = w->stdin_read;
    w->stdin_read = false;
    return r;
}

bool pa_wasi_is_fresh(const pa_wasi *w) {
    const pa_vfs *v = &w->vfs;
    if (v->used_files || v->used_bytes || v->tmp->nslots) return false;
    static const uint8_t kinds[PA_WASI_PREOPEN_FD] = {PA_FD_STDIN, PA_FD_STDOUT, PA_FD_STDERR};
    for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++) {
        const pa_fd *f = &w->fds[i];
        if (i < PA_WASI_PREOPEN_FD ? f->kind != kinds[i]
            : i == PA_WASI_PREOPEN_FD ? f->kind != PA_FD_NODE || f->node != v->root || !f->preopen
            : f->kind != PA_FD_FREE)
            return false;
    }
    return true;
}

/* ---- save ---- */

/* The output buffer; with p == NULL it only counts, so the same code
** sizes the buffer and then fills it. */
typedef struct wbuf {
    uint8_t *p;
    size_t len;
    bool overflow;
} wbuf;

static void put(wbuf *b, const void *src, size_t n) {
    if (n > SIZE_MAX - b->len) {
        b->overflow = true;
        return;
    }
    if (b->p && n) memcpy(b->p + b->len, src, n);
    b->len += n;
}
static void put8(wbuf *b, uint8_t v) { put(b, &v, 1); }
static void put16(wbuf *b, uint16_t v) {
    uint8_t t[2];
    pa_put_u16(t, v);
    put(b, t, 2);
}
static void put32(wbuf *b, uint32_t v) {
    uint8_t t[4];
    pa_put_u32(t, v);
    put(b, t, 4);
}
static void put64(wbuf *b, uint64_t v) {
    uint8_t t[8];
    pa_put_u64(t, v);
    put(b, t, 8);
}

static int by_ino(const void *a, const void *b) {
    const pa_node *x = *(pa_node *const *)a, *y = *(pa_node *const *)b;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* Index of a live node in the inode-sorted array. */
static uint32_t index_of(pa_node *const *nodes, uint32_t count,
                         const pa_node *n) {
    uint32_t lo = 0, hi = count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (nodes[mid]->ino < n->ino) lo = mid + 1;
        else hi = mid;
    }
    assert(lo < count && nodes[lo] == n);
    return lo;
}

static void emit(const pa_wasi *w, pa_node **nodes, uint32_t count,
                 pa_node **queue, wbuf *b) {
    const pa_vfs *v = &w->vfs;
    put(b, "PAWS", 4);
    put32(b, STATE_VERSION);
    put64(b, v->next_ino);
    put32(b, count);
    uint32_t nlinks = 0;
    for (uint32_t i = 0; i < count; i++) {
        const pa_node *n = nodes[i];
        bool guest = is_guest(v, n);
        put8(b, n->type);
        put8(b, guest ? ORIGIN_GUEST : ORIGIN_FIXED);
        put64(b, n->ino);
        put64(b, n->atim);
        put64(b, n->mtim);
        put64(b, n->ctim);
        if (!is_dir(n)) {
            put64(b, n->size);
            if (guest) put(b, n->data, (size_t)n->size);
        } else if (owns_entries(n)) {
            put64(b, n->next_seq);
        }
        if (guest && n->linked) nlinks++;
    }

    /* Breadth-first from /tmp: a directory's own link always comes before
    ** its entries, which is what load requires. */
    put32(b, nlinks);
    uint32_t head = 0, tail = 0, emitted = 0;
    queue[tail++] = v->tmp;
    while (head < tail) {
        const pa_node *d = queue[head++];
        uint32_t di = index_of(nodes, count, d);
        for (uint32_t i = 0; i < d->nslots; i++) {
            const pa_dirslot *s = &d->slots[i];
            put32(b, di);
            put32(b, index_of(nodes, count, s->node));
            put64(b, s->seq);
            put16(b, (uint16_t)s->name_len);
            put(b, s->name, s->name_len);
            if (is_dir(s->node)) queue[tail++] = s->node;
            emitted++;
        }
    }
    assert(emitted == nlinks); /* vfs.h: linked guest nodes hang off /tmp */
    (void)emitted;

    uint32_t nfds = 0;
    for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++)
        if (w->fds[i].kind != PA_FD_FREE) nfds++;
    put32(b, nfds);
    for (uint32_t i = 0; i < PA_WASI_MAX_FDS; i++) {
        const pa_fd *f = &w->fds[i];
        if (f->kind == PA_FD_FREE) continue;
        put32(b, i);
        put8(b, f->kind == PA_FD_STDIN    ? ST_STDIN
                : f->kind == PA_FD_STDOUT ? ST_STDOUT
                : f->kind == PA_FD_STDERR ? ST_STDERR
                                          : ST_NODE);
        put8(b, f->preopen);
        put16(b, f->flags);
        put64(b, f->rights_base);
        put64(b, f->rights_inh);
        put64(b, f->pos);
        if (f->kind == PA_FD_NODE) put32(b, index_of(nodes, count, f->node));
    }
}

int pa_wasi_save(const pa_wasi *w, uint8_t **out, size_t *out_len) {
    size_t count = 0;
    for (const pa_node *n = w->vfs.all; n; n = n->all_next) count++;
    if (count > UINT32_MAX / 2) return -ENOMEM;
    /* The sorted node array, then the breadth-first queue of directories. */
    pa_node **nodes = malloc(2 * count * sizeof *nodes);
    if (!nodes) return -ENOMEM;
    size_t i = 0;
    for (pa_node *n = w->vfs.all; n; n = n->all_next) nodes[i++] = n;
    qsort(nodes, count, sizeof *nodes, by_ino);

    wbuf b = {NULL, 0, false};
    emit(w, nodes, (uint32_t)count, nodes + count, &b);
    uint8_t *buf = b.overflow ? NULL : malloc(b.len);
    if (!buf) {
        free(nodes);
        return -ENOMEM;
    }
    size_t len = b.len;
    b = (wbuf){buf, 0, false};
    emit(w, nodes, (uint32_t)count, nodes + count, &b);
    assert(b.len == len);
    free(nodes);
    *out = buf;
    *out_len = len;
    return 0;
}

/* ---- load ---- */

/* The input: every read is checked against what is left; after the first
** short read `bad` sticks and reads return zeros, so callers check once
** per record, before using anything they read. */
typedef struct rbuf {
    const uint8_t *p;
    size_t left;
    bool bad;
} rbuf;

static const uint8_t *take(rbuf *r, uint64_t n) {
    if (r->bad || n > r->left) {
        r->bad = true;
        return NULL;
    }
    const uint8_t *q = r->p;
    r->p += n;
    r->left -= (size_t)n;
    return q;
}
static uint8_t get8(rbuf *r) {
    const uint8_t *q = take(r, 1);
    return q ? q[0] : 0;
}
static uint16_t get16(rbuf *r) {
    const uint8_t *q = take(r, 2);
    return q ? pa_get_u16(q) : 0;
}
static uint32_t get32(rbuf *r) {
    const uint8_t *q = take(r, 4);
    return q ? pa_get_u32(q) : 0;
}
static uint64_t get64(rbuf *r) {
    const uint8_t *q = take(r, 8);
    return q ? pa_get_u64(q) : 0;
}

typedef struct ld_node {
    pa_node *n;        /* guest nodes: the loader holds one reference */
    bool guest;
    uint32_t fds;      /* fds referring to it */
    uint64_t atim, mtim, ctim, next_seq;
} ld_node;

typedef struct loader {
    pa_wasi *w;
    rbuf r;
    ld_node *nodes;
    uint32_t count, nfixed, nguest;
    uint64_t next_ino;
    /* The fresh context, to validate against and to roll back to. */
    pa_fd fresh[PA_WASI_PREOPEN_FD + 1];
    uint64_t fresh_next_ino;
    uint64_t tmp_atim, tmp_mtim, tmp_ctim, tmp_next_seq;
} loader;

/* Counters grow by one per node or entry ever made, so a real save never
** gets near 2^63; more would also let inode numbers wrap onto fixed ones. */
static bool valid_counter(uint64_t v, uint64_t min) {
    return v >= min && v <= (uint64_t)INT64_MAX;
}

static int host_err(uint32_t wasi_errno) {
    if (wasi_errno == PA_WASI_EDQUOT || wasi_errno == PA_WASI_ENOSPC)
        return -EDQUOT;
    return wasi_errno == PA_WASI_ENOMEM ? -ENOMEM : -EINVAL;
}

static pa_node *find_fixed(const pa_vfs *v, uint64_t ino) {
    for (pa_node *n = v->all; n; n = n->all_next)
        if (n->ino == ino && !is_guest(v, n)) return n;
    return NULL;
}

/* A new guest node without a directory entry, held by one reference the
** caller owns (see the top of the file).  /tmp is empty while nodes are
** being created, so the scratch name can't clash. */
static int create_unlinked(pa_vfs *v, uint8_t type, pa_node **out) {
    pa_node *n;
    uint32_t rc = pa_vfs_create(v, v->tmp, "~", 1, type, true, &n);
    if (rc) return host_err(rc);
    pa_vfs_ref(n);
    pa_vfs_detach(v, v->tmp, "~", 1);
    *out = n;
    return 0;
}

static int load_node(loader *L, ld_node *ln, uint64_t *prev_ino) {
    rbuf *r = &L->r;
    pa_vfs *v = &L->w->vfs;
    uint8_t type = get8(r), origin = get8(r);
    uint64_t ino = get64(r);
    ln->atim = get64(r);
    ln->mtim = get64(r);
    ln->ctim = get64(r);
    if (r->bad) return -EINVAL;
    if (type != PA_WASI_FILETYPE_DIRECTORY &&
        type != PA_WASI_FILETYPE_REGULAR_FILE)
        return -EINVAL;
    if (ino <= *prev_ino) return -EINVAL; /* increasing, hence unique */
    *prev_ino = ino;

    if (origin == ORIGIN_FIXED) {
        pa_node *n = find_fixed(v, ino);
        if (!n || n->type != type) return -EINVAL;
        ln->n = n;
        L->nfixed++;
        if (!is_dir(n)) {
            if (get64(r) != n->size) return -EINVAL; /* other ro data */
        } else if (owns_entries(n)) {
            ln->next_seq = get64(r);
            if (!valid_counter(ln->next_seq, 2)) return -EINVAL;
        }
        return r->bad ? -EINVAL : 0;
    }
    if (origin != ORIGIN_GUEST) return -EINVAL;
    if (ino < L->fresh_next_ino || ino >= L->next_ino) return -EINVAL;
    uint64_t size = 0;
    const uint8_t *data = NULL;
    if (type == PA_WASI_FILETYPE_DIRECTORY) {
        ln->next_seq = get64(r);
        if (!valid_counter(ln->next_seq, 2)) return -EINVAL;
    } else {
        size = get64(r);
        if (size > (uint64_t)INT64_MAX) return -EINVAL;
        data = take(r, size);
    }
    if (r->bad) return -EINVAL;

    pa_node *n;
    int rc = create_unlinked(v, type, &n);
    if (rc) return rc;
    ln->n = n;
    ln->guest = true;
    L->nguest++;
    n->ino = ino;
    if (size) {
        uint32_t e = pa_vfs_file_resize(v, n, size);
        if (e) return host_err(e);
        memcpy(n->data, data, (size_t)size);
    }
    return 0;
}

static int load_nodes(loader *L) {
    rbuf *r = &L->r;
    pa_vfs *v = &L->w->vfs;
    L->next_ino = get64(r);
    uint32_t count = get32(r);
    if (r->bad || !valid_counter(L->next_ino, L->fresh_next_ino))
        return -EINVAL;
    uint32_t fixed = 0;
    for (const pa_node *n = v->all; n; n = n->all_next) fixed++;
    /* Bound the allocation by what the buffer can hold, then by quota. */
    if (count > r->left / MIN_NODE_BYTES || count < fixed) return -EINVAL;
    if (count - fixed > v->max_files) return -EDQUOT;
    L->nodes = calloc(count ? count : 1, sizeof *L->nodes);
    if (!L->nodes) return -ENOMEM;
    L->count = count;
    uint64_t prev_ino = 0;
    for (uint32_t i = 0; i < count; i++) {
        int rc = load_node(L, &L->nodes[i], &prev_ino);
        if (rc) return rc;
    }
    /* Inodes are unique, so this is the whole fixed tree, once. */
    return L->nfixed == fixed ? 0 : -EINVAL;
}

static bool valid_name(const uint8_t *name, size_t len) {
    if (len == 0 || len > PA_VFS_NAME_MAX) return false;
    if (name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.')))
        return false;
    return !memchr(name, '/', len) && !memchr(name, '\0', len);
}

static int load_links(loader *L) {
    rbuf *r = &L->r;
    pa_vfs *v = &L->w->vfs;
    uint32_t nlinks = get32(r);
    if (r->bad || nlinks > L->nguest) return -EINVAL;
    for (uint32_t i = 0; i < nlinks; i++) {
        uint32_t di = get32(r), ci = get32(r);
        uint64_t seq = get64(r);
        uint16_t len = get16(r);
        const uint8_t *name = take(r, len);
        if (r->bad || di >= L->count || ci >= L->count) return -EINVAL;
        ld_node *d = &L->nodes[di], *c = &L->nodes[ci];
        pa_node *dir = d->n, *child = c->n;
        /* Into /tmp or a guest directory already linked (parents first),
        ** and only a guest node not linked yet (one parent each). */
        if (!owns_entries(dir) || (dir != v->tmp && !dir->linked))
            return -EINVAL;
        if (!c->guest || child->linked) return -EINVAL;
        if (!valid_name(name, len)) return -EINVAL;
        /* Slots stay in increasing seq order, all below next_seq. */
        uint64_t last = dir->nslots ? dir->slots[dir->nslots - 1].seq : 1;
        if (seq <= last || seq >= d->next_seq) return -EINVAL;
        if (pa_vfs_find(dir, (const char *)name, len)) return -EINVAL;

        if (pa_vfs_slot_reserve(dir)) return -ENOMEM;
        char *copy = malloc((size_t)len + 1);
        if (!copy) return -ENOMEM;
        memcpy(copy, name, len);
        copy[len] = '\0';
        pa_vfs_ref(child); /* the entry's own reference */
        pa_vfs_attach(dir, copy, len, child);
        dir->slots[dir->nslots - 1].seq = seq;
    }
    return 0;
}

static int load_fd(loader *L, uint32_t slot, uint32_t *seen) {
    rbuf *r = &L->r;
    uint8_t kind = get8(r), preopen = get8(r);
    uint16_t flags = get16(r);
    uint64_t base = get64(r), inh = get64(r), pos = get64(r);
    if (r->bad || preopen > 1 || (flags & ~PA_FDFLAGS_ALL) ||
        pos > (uint64_t)INT64_MAX)
        return -EINVAL;

    pa_fd f = {0};
    ld_node *ln = NULL;
    uint64_t max_base, max_inh;
    if (kind >= ST_STDIN && kind <= ST_STDERR) {
        /* stdio moves with fd_renumber but never multiplies, and its
        ** rights can only have been dropped since the fresh table. */
        const pa_fd *fresh = &L->fresh[kind - ST_STDIN];
        if (preopen || pos || (*seen & (1u << kind))) return -EINVAL;
        *seen |= 1u << kind;
        f.kind = fresh->kind;
        max_base = fresh->rights_base;
        max_inh = fresh->rights_inh;
    } else if (kind == ST_NODE) {
        uint32_t ni = get32(r);
        if (r->bad || ni >= L->count) return -EINVAL;
        ln = &L->nodes[ni];
        pa_node *n = ln->n;
        if (is_dir(n) && pos) return -EINVAL; /* directories never seek */
        if (preopen) { /* the fresh preopen, maybe renumbered */
            const pa_fd *fresh = &L->fresh[PA_WASI_PREOPEN_FD];
            if (n != fresh->node || (*seen & 1u)) return -EINVAL;
            *seen |= 1u;
            max_base = fresh->rights_base;
            max_inh = fresh->rights_inh;
        } else { /* as path_open grants them */
            max_base = pa_fd_max_rights(n->type);
            if (!is_dir(n) && !n->writable) max_base &= ~WRITE_INTENT;
            max_inh = pa_fd_max_rights(PA_WASI_FILETYPE_DIRECTORY) |
                      pa_fd_max_rights(PA_WASI_FILETYPE_REGULAR_FILE);
        }
        f.kind = PA_FD_NODE;
        f.preopen = preopen;
        f.node = n;
    } else {
        return -EINVAL;
    }
    if ((base & ~max_base) || (inh & ~max_inh)) return -EINVAL;
    f.flags = flags;
    f.rights_base = base;
    f.rights_inh = inh;
    f.pos = pos;
    if (ln) {
        pa_vfs_ref(f.node);
        ln->fds++;
    }
    L->w->fds[slot] = f;
    return 0;
}

static int load_fds(loader *L) {
    rbuf *r = &L->r;
    uint32_t nfds = get32(r);
    if (r->bad || nfds > PA_WASI_MAX_FDS) return -EINVAL;
    pa_fdtable_close_all(L->w); /* the fresh table is in L->fresh */
    uint32_t seen = 0;         /* bit 0: the preopen; 1-3: stdio kinds */
    uint64_t prev = 0;         /* slot + 1 of the previous record */
    for (uint32_t i = 0; i < nfds; i++) {
        uint32_t slot = get32(r);
        if (r->bad || slot >= PA_WASI_MAX_FDS || slot + (uint64_t)1 <= prev)
            return -EINVAL;
        prev = slot + (uint64_t)1;
        int rc = load_fd(L, slot, &seen);
        if (rc) return rc;
    }
    return 0;
}

static void unlink_all(pa_vfs *v, pa_node *dir) {
    while (dir->nslots) {
        pa_dirslot *s = &dir->slots[dir->nslots - 1];
        pa_vfs_detach(v, dir, s->name, s->name_len);
    }
}

/* Undo a partial load.  The loader's references keep every guest node
** alive while the entries are taken apart, so nothing is freed half-linked;
** dropping them last frees every node the load made. */
static void rollback(loader *L) {
    pa_wasi *w = L->w;
    pa_vfs *v = &w->vfs;
    unlink_all(v, v->tmp);
    for (uint32_t i = 0; i < L->count; i++) {
        const ld_node *ln = &L->nodes[i];
        if (ln->guest && is_dir(ln->n)) unlink_all(v, ln->n);
    }
    pa_fdtable_close_all(w);
    pa_fdtable_init(w);
    for (uint32_t i = 0; i < L->count; i++)
        if (L->nodes[i].guest) pa_vfs_unref(v, L->nodes[i].n);
    v->tmp->atim = L->tmp_atim;
    v->tmp->mtim = L->tmp_mtim;
    v->tmp->ctim = L->tmp_ctim;
    v->tmp->next_seq = L->tmp_next_seq;
    v->next_ino = L->fresh_next_ino;
    assert(v->used_files == 0 && v->used_bytes == 0);
}

/* Nothing can fail any more: set what linking disturbed (times, next_seq
** bumped by pa_vfs_attach), hand the nodes over to their entries and fds. */
static void commit(loader *L) {
    pa_vfs *v = &L->w->vfs;
    for (uint32_t i = 0; i < L->count; i++) {
        ld_node *ln = &L->nodes[i];
        pa_node *n = ln->n;
        n->atim = ln->atim;
        n->mtim = ln->mtim;
        n->ctim = ln->ctim;
        if (owns_entries(n)) n->next_seq = ln->next_seq;
    }
    for (uint32_t i = 0; i < L->count; i++)
        if (L->nodes[i].guest) pa_vfs_unref(v, L->nodes[i].n);
    v->next_ino = L->next_ino;
}

static int load(loader *L) {
    rbuf *r = &L->r;
    const uint8_t *magic = take(r, 4);
    uint32_t version = get32(r);
    if (r->bad || memcmp(magic, "PAWS", 4) != 0 || version != STATE_VERSION)
        return -EINVAL;
    int rc = load_nodes(L);
    if (!rc) rc = load_links(L);
    if (!rc) rc = load_fds(L);
    if (rc) return rc;
    if (r->left) return -EINVAL; /* trailing bytes */
    /* A guest node nobody refers to could not have been saved. */
    for (uint32_t i = 0; i < L->count; i++) {
        const ld_node *ln = &L->nodes[i];
        if (ln->guest && !ln->n->linked && !ln->fds) return -EINVAL;
    }
    return 0;
}

int pa_wasi_load(pa_wasi *w, const uint8_t *buf, size_t len) {
    /* w should be fresh already; this makes sure of it, cheaply. */
    clear_state(w);
    pa_vfs *v = &w->vfs;
    loader L;
    memset(&L, 0, sizeof L);
    L.w = w;
    L.r = (rbuf){buf, buf ? len : 0, false};
    memcpy(L.fresh, w->fds, sizeof L.fresh);
    L.fresh_next_ino = v->next_ino;
    L.tmp_atim = v->tmp->atim;
    L.tmp_mtim = v->tmp->mtim;
    L.tmp_ctim = v->tmp->ctim;
    L.tmp_next_seq = v->tmp->next_seq;
    int rc = load(&L);
    if (rc) rollback(&L);
    else commit(&L);
    free(L.nodes);
    return rc;
}
