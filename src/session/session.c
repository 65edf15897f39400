/*
** session.c — the session set: a table of live sessions over the files of
** store.c.  Contract and durability rules in session.h.
**
** Locking: one mutex guards the table; it is never held while guest code
** runs or while a file is read or written.  A session that is in a call is
** marked busy; other calls on it wait on the condition variable, so calls on
** one session are serialized while different sessions run in parallel.
** Entries exist only for sessions that are live (have an instance) or busy;
** everything else is just a file.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NBUCKETS 4096u
#define DEFAULT_MAX_LIVE 1000u
#define DEFAULT_TTL_S 3600.0
#define DEFAULT_EVICT_S 60.0
#define OPEN_SWEEP_AFTER_S 600.0

typedef struct entry {
    struct entry *next;     /* hash chain */
    char id[PA_SESSION_ID_MAX + 1];
    pa_instance *in;        /* NULL: not in memory */
    bool busy;
    uint32_t waiters;
    uint64_t created_ns, last_used_ns, calls;
    uint64_t listed;        /* list generation that already saw its file */
    uint64_t resident;      /* private bytes after its last call */
    bool unsaved;           /* its last save failed: never evict it */
} entry;

struct pa_sessions {
    pa_sessions_config cfg;
    char *dir;
    int lock_fd;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    entry *buckets[NBUCKETS];
    uint32_t nlive;
    uint64_t live_bytes;    /* sum of `resident` over live entries */
    uint64_t list_gen;
    pthread_t sweeper;
    pthread_cond_t sweep_cond; /* CLOCK_MONOTONIC; signalled on close */
    pthread_mutex_t shared_call; /* shared_dir: one call at a time here, so
                                 ** two ids whose lock bytes collide never
                                 ** release each other's lock */
    bool sweeping, stop;
};

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Seconds to ns, clamped: a TTL of "forever" (1e300, INFINITY) must not
** overflow into "now". */
static uint64_t secs_ns(double s) {
    if (!(s > 0)) return 0;
    return s >= 1e9 ? (uint64_t)1e18 : (uint64_t)(s * 1e9);
}

/* Whether `then` is more than `secs` before `now`, without the unsigned
** arithmetic that turns a huge TTL into an early expiry. */
static bool older_than(uint64_t then, uint64_t now, double secs) {
    return now > then && now - then > secs_ns(secs);
}

static uint32_t fnv1a(const char *id) {
    uint32_t h = 2166136261u;
    for (; *id; id++) h = (h ^ (uint8_t)*id) * 16777619u;
    return h;
}

static uint32_t hash_id(const char *id) { return fnv1a(id) % NBUCKETS; }

static entry **find_slot(pa_sessions *s, const char *id) {
    entry **p = &s->buckets[hash_id(id)];
    while (*p && strcmp((*p)->id, id) != 0) p = &(*p)->next;
    return p;
}

/* Free an entry's interpreter (lock held). */
static void unload(pa_sessions *s, entry *e) {
    if (!e->in) return;
    pa_instance_free(e->in);
    e->in = NULL;
    s->nlive--;
    s->live_bytes -= e->resident;
    e->resident = 0;
    e->unsaved = false;
}

/* Unlink and free an entry that is neither busy nor waited for. */
static void entry_remove(pa_sessions *s, entry *e) {
    entry **p = find_slot(s, e->id);
    *p = e->next;
    unload(s, e);
    free(e);
}

/* Drop the instance of an idle entry (its file has its state) and forget it. */
static void entry_evict(pa_sessions *s, entry *e) {
    if (e->waiters == 0) entry_remove(s, e);
    else unload(s, e);
}

/* Evict least recently used idle sessions until `room` more fit in both
** budgets (count and bytes).  Sessions whose state is not on disk stay. */
static void make_room(pa_sessions *s, uint32_t room) {
    while (s->nlive + room > s->cfg.max_live || s->live_bytes > s->cfg.max_live_bytes) {
        entry *lru = NULL;
        for (uint32_t b = 0; b < NBUCKETS; b++)
            for (entry *e = s->buckets[b]; e; e = e->next)
                if (e->in && !e->busy && !e->unsaved && (!lru || e->last_used_ns < lru->last_used_ns)) lru = e;
        if (!lru) return; /* everything live is busy or unsaved */
        entry_evict(s, lru);
    }
}

/* Whether the directory's last sweep (the mtime of .swept) is old enough;
** if so, mark it swept now. */
static bool sweep_due(pa_sessions *s) {
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/.swept", s->dir);
    if (stat(path, &st) == 0 && (double)(time(NULL) - st.st_mtime) < OPEN_SWEEP_AFTER_S) return false;
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        futimens(fd, NULL);
        close(fd);
    }
    return true;
}

/* Sweeps every sweep_every_s until close.  It waits on a condition of its
** own (the table's is broadcast after every call) for an absolute deadline,
** so wake-ups of any kind never make it sweep early. */
static void *sweeper_main(void *arg) {
    pa_sessions *s = arg;
    pthread_mutex_lock(&s->lock);
    while (!s->stop) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        uint64_t ns = (uint64_t)until.tv_nsec + secs_ns(s->cfg.sweep_every_s);
        until.tv_sec += (time_t)(ns / 1000000000u);
        until.tv_nsec = (long)(ns % 1000000000u);
        int rc = 0;
        while (!s->stop && rc != ETIMEDOUT) rc = pthread_cond_timedwait(&s->sweep_cond, &s->lock, &until);
        if (s->stop) break;
        pthread_mutex_unlock(&s->lock);
        pa_sessions_sweep(s);
        pthread_mutex_lock(&s->lock);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

int pa_sessions_open(const pa_sessions_config *cfg, pa_sessions **out, char *err, size_t errlen) {
    *out = NULL;
    if (!cfg->dir || !cfg->image) { snprintf(err, errlen, "a session directory and an image are required"); return -1; }
    int rc = pa_store_mkdirs(cfg->dir);
    if (rc) { snprintf(err, errlen, "cannot create %s: %s", cfg->dir, strerror(-rc)); return -1; }
    pa_sessions *s = calloc(1, sizeof *s);
    if (!s || !(s->dir = strdup(cfg->dir))) { free(s); snprintf(err, errlen, "out of memory"); return -1; }
    s->cfg = *cfg;
    s->cfg.dir = s->dir;
    s->cfg.limits.image = cfg->image;
    if (!s->cfg.max_live) s->cfg.max_live = DEFAULT_MAX_LIVE;
    if (s->cfg.idle_ttl_s <= 0) s->cfg.idle_ttl_s = DEFAULT_TTL_S;
    if (s->cfg.evict_after_s <= 0) s->cfg.evict_after_s = DEFAULT_EVICT_S;
    if (!s->cfg.max_live_bytes) {
        long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
        s->cfg.max_live_bytes = pages > 0 && psz > 0 ? (uint64_t)pages * (uint64_t)psz / 4 : (uint64_t)1 << 30;
    }

    char lock_path[4096 + 8];
    snprintf(lock_path, sizeof lock_path, "%s/.lock", cfg->dir);
    s->lock_fd = -1;
    if (cfg->supervised) goto locked; /* the supervisor holds it for us */
    s->lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (s->lock_fd < 0) {
        snprintf(err, errlen, "cannot open %s: %s", lock_path, strerror(errno));
        goto fail;
    }
    /* Poll rather than block: a waiting CLI must be able to give up. */
    uint64_t give_up = now_ns() + secs_ns(cfg->lock_wait_s > 0 ? cfg->lock_wait_s : 0);
    while (flock(s->lock_fd, (cfg->shared_dir ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || now_ns() >= give_up) {
            snprintf(err, errlen, "session directory %s is in use by another process", cfg->dir);
            goto fail;
        }
        nanosleep(&(struct timespec){0, 5000000}, NULL);
    }
locked:
    pthread_mutex_init(&s->lock, NULL);
    pthread_mutex_init(&s->shared_call, NULL);
    pthread_cond_init(&s->cond, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->sweep_cond, &ca);
    pthread_condattr_destroy(&ca);
    if (cfg->sweep_every_s > 0) {
        s->sweeping = pthread_create(&s->sweeper, NULL, sweeper_main, s) == 0;
    } else if (sweep_due(s)) {
        pa_sessions_sweep(s); /* e.g. the CLI: clean up what expired since */
    }
    *out = s;
    return 0;
fail:
    if (s->lock_fd >= 0) close(s->lock_fd);
    free(s->dir);
    free(s);
    return -1;
}

void pa_sessions_close(pa_sessions *s) {
    if (!s) return;
    pthread_mutex_lock(&s->lock);
    s->stop = true;
    pthread_cond_broadcast(&s->sweep_cond);
    pthread_mutex_unlock(&s->lock);
    if (s->sweeping) pthread_join(s->sweeper, NULL);
    pthread_mutex_lock(&s->lock);
    for (;;) {
        int busy = 0;
        for (uint32_t b = 0; b < NBUCKETS; b++)
            for (entry *e = s->buckets[b]; e; e = e->next) busy |= e->busy || e->waiters;
        if (!busy) break;
        pthread_cond_wait(&s->cond, &s->lock);
    }
    for (uint32_t b = 0; b < NBUCKETS; b++)
        while (s->buckets[b]) entry_remove(s, s->buckets[b]);
    pthread_mutex_unlock(&s->lock);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->cond);
    pthread_cond_destroy(&s->sweep_cond);
    pthread_mutex_destroy(&s->shared_call);
    if (s->lock_fd >= 0) close(s->lock_fd);
    free(s->dir);
    free(s);
}

/* In a shared directory, other processes may run the same session: lock
** one byte of the lock file, chosen by the id, for the whole call.  An
** open-file-description lock, so it holds per open file, not per process. */
static void id_lock(pa_sessions *s, const char *id, short type) {
    if (!s->cfg.shared_dir || s->lock_fd < 0) return;
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = (off_t)(fnv1a(id) & 0x3fffffff), .l_len = 1};
    while (fcntl(s->lock_fd, F_OFD_SETLKW, &fl) != 0 && errno == EINTR) {}
}

/* Remove a session file unless another process is in a call on it. */
static bool id_trylock(pa_sessions *s, const char *id) {
    if (!s->cfg.shared_dir || s->lock_fd < 0) return true;
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = (off_t)(fnv1a(id) & 0x3fffffff), .l_len = 1};
    return fcntl(s->lock_fd, F_OFD_SETLK, &fl) == 0;
}

/* Take exclusive use of session id's entry (creating it); NULL on ENOMEM
** or when the set is closing. */
static entry *acquire(pa_sessions *s, const char *id) {
    pthread_mutex_lock(&s->lock);
    if (s->stop) {
        pthread_mutex_unlock(&s->lock);
        return NULL;
    }
    entry **p = find_slot(s, id), *e = *p;
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e) { pthread_mutex_unlock(&s->lock); return NULL; }
        strcpy(e->id, id);
        *p = e;
    }
    e->waiters++;
    while (e->busy) pthread_cond_wait(&s->cond, &s->lock);
    e->waiters--;
    e->busy = true;
    pthread_mutex_unlock(&s->lock);
    if (s->cfg.shared_dir) pthread_mutex_lock(&s->shared_call);
    id_lock(s, id, F_WRLCK);
    return e;
}

static void release(pa_sessions *s, entry *e) {
    pthread_mutex_lock(&s->lock);
    /* Shared: another process may change the file next, so a copy kept in
    ** memory could go stale; the file is the only truth. */
    if (s->cfg.shared_dir && !e->unsaved) unload(s, e);
    id_lock(s, e->id, F_UNLCK);
    if (s->cfg.shared_dir) pthread_mutex_unlock(&s->shared_call);
    e->busy = false;
    if (!e->in && e->waiters == 0) entry_remove(s, e);
    else make_room(s, 0);
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->lock);
}

/* Give a busy entry an instance: its file's state, or a new session.
** 0, or -errno with err set. */
static int bring_live(pa_sessions *s, entry *e, pa_session_origin *origin, char *err, size_t errlen) {
    pthread_mutex_lock(&s->lock);
    make_room(s, 1);
    int full = s->nlive >= s->cfg.max_live;
    if (!full) s->nlive++; /* reserve our place while we load */
    pthread_mutex_unlock(&s->lock);
    if (full) {
        snprintf(err, errlen, "no room for another live session: all %u are busy or not yet saved",
                 s->cfg.max_live);
        return -EBUSY;
    }
    pa_instance *in = NULL;
    char why[256];
    if (pa_instance_new(&s->cfg.limits, &in, why, sizeof why)) {
        snprintf(err, errlen, "cannot start an interpreter: %s", why);
        goto fail;
    }
    pa_store_meta m;
    int rc = pa_store_load(s->dir, e->id, in, &m, err, errlen);
    uint64_t now = now_ns();
    if (rc == 0 && older_than(m.last_used_ns, now, s->cfg.idle_ttl_s)) {
        /* Expired while on disk: it is gone; this call starts it anew. */
        pa_store_remove(s->dir, e->id);
        if (pa_instance_reset(in)) { snprintf(err, errlen, "cannot reset an interpreter"); goto fail; }
        rc = -ENOENT;
    }
    if (rc == 0) {
        *origin = PA_SESSION_RESTORED;
        e->created_ns = m.created_ns;
        e->calls = m.calls;
        e->last_used_ns = m.last_used_ns;
    } else if (rc == -ENOENT) {
        *origin = PA_SESSION_CREATED;
        e->created_ns = now;
        e->calls = 0;
        e->last_used_ns = now;
    } else {
        pa_instance_free(in);
        pthread_mutex_lock(&s->lock);
        s->nlive--;
        pthread_mutex_unlock(&s->lock);
        return rc;
    }
    e->in = in; /* counted in nlive since the reservation above */
    return 0;
fail:
    pa_instance_free(in);
    pthread_mutex_lock(&s->lock);
    s->nlive--;
    pthread_mutex_unlock(&s->lock);
    return -ENOMEM;
}

int pa_sessions_exec(pa_sessions *s, const char *id, const pa_exec_request *req,
                     pa_result *res, pa_session_outcome *outcome, int *code,
                     char *err, size_t errlen) {
    memset(outcome, 0, sizeof *outcome);
    memset(res, 0, sizeof *res);
    *code = 0;
    if (pa_store_check_id(id)) {
        *code = -EINVAL;
        snprintf(err, errlen, "invalid session id: use 1-%d characters of A-Z a-z 0-9 _ - . (not starting with '.')",
                 PA_SESSION_ID_MAX);
        return -1;
    }
    entry *e = acquire(s, id);
    if (!e) {
        *code = s->stop ? -ESHUTDOWN : -ENOMEM;
        snprintf(err, errlen, "%s", s->stop ? "the session set is closing" : "out of memory");
        return -1;
    }

    uint64_t now = now_ns();
    if (e->in) {
        outcome->origin = PA_SESSION_RESUMED;
        if (older_than(e->last_used_ns, now, s->cfg.idle_ttl_s)) {
            /* Expired in memory (no sweep ran): start it anew. */
            pa_store_remove(s->dir, e->id);
            if (pa_instance_reset(e->in) == 0) {
                outcome->origin = PA_SESSION_CREATED;
                e->created_ns = e->last_used_ns = now;
                e->calls = 0;
            } else {
                pthread_mutex_lock(&s->lock);
                unload(s, e);
                pthread_mutex_unlock(&s->lock);
            }
        }
    }
    if (!e->in) {
        int rc = bring_live(s, e, &outcome->origin, err, errlen);
        if (rc) {
            *code = rc;
            release(s, e);
            return -1;
        }
    }

    pa_instance_exec(e->in, req, res);
    if (!pa_instance_alive(e->in)) {
        /* Killed mid-call: the interpreter is torn.  Its file still holds
        ** the state before this call, which is what the next call gets. */
        outcome->rolled_back = true;
        outcome->calls = e->calls;
        pthread_mutex_lock(&s->lock);
        unload(s, e);
        pthread_mutex_unlock(&s->lock);
    } else {
        e->calls++;
        e->last_used_ns = now_ns();
        outcome->calls = e->calls;
        pa_store_meta m = {.created_ns = e->created_ns, .last_used_ns = e->last_used_ns, .calls = e->calls};
        memcpy(m.image_id, pa_image_id(s->cfg.image), 16);
        outcome->saved = pa_store_save(s->dir, e->id, &m, e->in, s->cfg.sync_writes, outcome->save_error,
                                       sizeof outcome->save_error) == 0;
        uint64_t resident = pa_instance_private_bytes(e->in);
        pthread_mutex_lock(&s->lock);
        s->live_bytes += resident - e->resident;
        e->resident = resident;
        e->unsaved = !outcome->saved;
        pthread_mutex_unlock(&s->lock);
    }
    release(s, e);
    return 0;
}

int pa_sessions_drop(pa_sessions *s, const char *id) {
    if (pa_store_check_id(id)) return -EINVAL;
    entry *e = acquire(s, id);
    if (!e) return s->stop ? -ESHUTDOWN : -ENOMEM;
    int had = e->in != NULL;
    pthread_mutex_lock(&s->lock);
    unload(s, e);
    pthread_mutex_unlock(&s->lock);
    int rc = pa_store_remove(s->dir, id);
    release(s, e);
    return had || rc == 0 ? 0 : rc;
}

static void fill_live(pa_session_info *i, entry *e) {
    memset(i, 0, sizeof *i);
    strcpy(i->id, e->id);
    i->busy = e->busy;
    i->last_used_ns = e->last_used_ns;
    if (e->in && !e->busy) {
        i->live = true;
        i->memory_bytes = pa_instance_memory_bytes(e->in);
        i->resident_bytes = e->resident; /* as measured after its last call:
                                         ** no page-table walk under the lock */
    } else if (e->in) {
        i->live = true; /* busy: the instance is not ours to inspect now */
    }
}

typedef struct list_ctx {
    pa_sessions *s;
    pa_session_info *v;
    size_t n, cap;
    int oom;
} list_ctx;

static pa_session_info *list_push(list_ctx *c) {
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        pa_session_info *v = realloc(c->v, cap * sizeof *v);
        if (!v) { c->oom = 1; return NULL; }
        c->v = v;
        c->cap = cap;
    }
    return &c->v[c->n++];
}

static int list_file(void *ud, const char *id, uint64_t bytes, uint64_t mtime) {
    list_ctx *c = ud;
    entry *e = *find_slot(c->s, id);
    pa_session_info *i = list_push(c);
    if (!i) return -ENOMEM;
    if (e) {
        fill_live(i, e);
        e->listed = c->s->list_gen;
    } else {
        memset(i, 0, sizeof *i);
        strcpy(i->id, id);
        i->last_used_ns = mtime;
    }
    i->disk_bytes = bytes;
    return 0;
}

int pa_sessions_list(pa_sessions *s, pa_session_info **out, size_t *n) {
    list_ctx c = {.s = s};
    pthread_mutex_lock(&s->lock);
    s->list_gen++;
    int rc = pa_store_list(s->dir, list_file, &c);
    /* Live sessions whose first save has not happened (or failed). */
    for (uint32_t b = 0; b < NBUCKETS && rc == 0; b++)
        for (entry *e = s->buckets[b]; e && rc == 0; e = e->next) {
            if (e->listed == s->list_gen || !e->in) continue;
            pa_session_info *i = list_push(&c);
            if (!i) rc = -ENOMEM;
            else fill_live(i, e);
        }
    pthread_mutex_unlock(&s->lock);
    if (rc || c.oom) { free(c.v); return rc ? rc : -ENOMEM; }
    *out = c.v;
    *n = c.n;
    return 0;
}

int pa_sessions_info(pa_sessions *s, const char *id, pa_session_info *out) {
    if (pa_store_check_id(id)) return -EINVAL;
    pa_store_meta m;
    uint64_t bytes = 0;
    char err[256];
    pthread_mutex_lock(&s->lock);
    entry *e = *find_slot(s, id);
    int rc = pa_store_stat(s->dir, id, &m, &bytes, err, sizeof err);
    if (e && (e->in || e->busy)) {
        fill_live(out, e);
        out->disk_bytes = bytes;
        rc = 0;
    } else if (rc == 0 || rc == -EINVAL || rc == -ESTALE) {
        /* A corrupt file is still a session: listed, so it can be deleted. */
        memset(out, 0, sizeof *out);
        strcpy(out->id, id);
        out->disk_bytes = bytes;
        out->last_used_ns = rc == 0 ? m.last_used_ns : 0;
        rc = 0;
    }
    pthread_mutex_unlock(&s->lock);
    return rc;
}

typedef struct sweep_ctx {
    pa_sessions *s;
    uint64_t now;
    int removed;
} sweep_ctx;

static int sweep_file(void *ud, const char *id, uint64_t bytes, uint64_t mtime) {
    (void)bytes;
    sweep_ctx *c = ud;
    if (!older_than(mtime, c->now, c->s->cfg.idle_ttl_s)) return 0;
    pthread_mutex_lock(&c->s->lock);
    /* Live or busy sessions are the table's business; the rest is only a
    ** file, and nobody can start using it while we hold the lock.  Its age
    ** is checked again: it may have been used since the listing saw it. */
    /* Shared: skip while a call of ours runs (it may hold a colliding lock
    ** byte, which our unlock would release), and skip files another process
    ** is working on. */
    bool shared = c->s->cfg.shared_dir;
    if (!*find_slot(c->s, id) && (!shared || pthread_mutex_trylock(&c->s->shared_call) == 0)) {
        if (id_trylock(c->s, id)) {
            if (pa_store_remove_if_idle(c->s->dir, id, secs_ns(c->s->cfg.idle_ttl_s)) == 0) c->removed++;
            id_lock(c->s, id, F_UNLCK);
        }
        if (shared) pthread_mutex_unlock(&c->s->shared_call);
    }
    pthread_mutex_unlock(&c->s->lock);
    return 0;
}

int pa_sessions_sweep(pa_sessions *s) {
    sweep_ctx c = {.s = s, .now = now_ns()};
    pthread_mutex_lock(&s->lock);
    for (uint32_t b = 0; b < NBUCKETS; b++) {
        entry *e = s->buckets[b];
        while (e) {
            entry *next = e->next;
            if (!e->busy && e->waiters == 0 && e->in) {
                if (older_than(e->last_used_ns, c.now, s->cfg.idle_ttl_s)) {
                    pa_store_remove(s->dir, e->id);
                    entry_remove(s, e);
                    c.removed++;
                } else if (older_than(e->last_used_ns, c.now, s->cfg.evict_after_s) && !e->unsaved) {
                    entry_remove(s, e);
                }
            }
            e = next;
        }
    }
    pthread_mutex_unlock(&s->lock);
    /* The directory may hold 100 000 files: list it without the lock. */
    pa_store_list(s->dir, sweep_file, &c);
    return c.removed;
}
