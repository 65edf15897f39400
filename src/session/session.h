/*
** session.h — persistent interpreter sessions.
**
** A session is an interpreter that lives on between calls: variables,
** imports, functions, classes, open files in its /tmp — everything.  The
** first call on an unknown id starts it from the base image; each later call
** continues it.  Calls on one session are serialized; different sessions
** run in parallel, each on its caller's thread (which needs a large stack:
** see pa_runtime.h).
**
** Durability: after every call that completes, the session is written to its
** file (store.h) before the call returns, so a session that has answered a
** call survives any crash of the process, kill -9 included (and, with
** sync_writes, of the machine).  Keeping a
** session in memory is therefore only a cache: an idle session leaves memory
** (eviction costs nothing) and comes back from disk on its next call.
**
** A call that is killed (timeout, trap, os._exit) leaves a torn interpreter;
** the session rolls back to its file — its state before that call, or, if
** the previous call's save failed (outcome.saved false), the last state that
** was saved — and the outcome says so.  An ordinary failure (exception, SyntaxError, MemoryError
** raised in Python) keeps the session, as Python would.
**
** Sessions idle for longer than the TTL are deleted, in memory and on disk.
** Processes share a directory safely: an owner (the service) locks all of
** <dir>/.lock, so no one else can change its sessions under it; with
** shared_dir (the CLI), a process takes the lock shared and then, for the
** length of each call, locks just that session (a byte of the lock file).
*/
#ifndef PA_SESSION_H
#define PA_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/pa_runtime.h"
#include "store.h"

typedef struct pa_sessions pa_sessions;

typedef struct pa_sessions_config {
    const char *dir;            /* session files (created if missing) */
    pa_image *image;            /* base image (borrowed, outlives the set) */
    pa_instance_config limits;  /* per session: memory cap, /tmp quota */
    uint32_t max_live;          /* sessions kept in memory; 0 = 1000 */
    uint64_t max_live_bytes;    /* their private memory in all; 0 = 1/4 of RAM */
    double idle_ttl_s;          /* idle time before deletion; 0 = 3600 */
    double evict_after_s;       /* idle time before leaving memory; 0 = 60 */
    double lock_wait_s;         /* wait for the directory lock; 0 = fail at once */
    bool shared_dir;            /* other processes may use the directory too;
                                ** sessions are then never kept in memory */
    bool supervised;            /* take no lock: a supervisor holds the
                                ** directory and sends each session to one
                                ** process only (src/sandbox/pool.c) */
    bool sync_writes;           /* fsync every save: survive power loss too */
    double sweep_every_s;       /* run pa_sessions_sweep on a thread of its
                                ** own this often; 0 = only when opening a
                                ** directory not swept for 10 minutes */
} pa_sessions_config;

typedef enum pa_session_origin {
    PA_SESSION_CREATED,   /* new session, from the base image */
    PA_SESSION_RESUMED,   /* was in memory */
    PA_SESSION_RESTORED,  /* loaded from its file */
} pa_session_origin;

typedef struct pa_session_outcome {
    pa_session_origin origin;
    bool rolled_back;     /* the call was killed; state is as before it */
    bool saved;           /* the new state is on disk */
    uint64_t calls;       /* completed calls, this one included */
    char save_error[256]; /* why not saved, if !saved and not rolled back */
} pa_session_outcome;

typedef struct pa_session_info {
    char id[PA_SESSION_ID_MAX + 1];
    bool live;                 /* in memory */
    bool busy;                 /* a call is running */
    uint64_t memory_bytes;     /* live: guest memory size */
    uint64_t resident_bytes;   /* live: private memory beyond the image */
    uint64_t disk_bytes;       /* size of its file, 0 if none yet */
    uint64_t last_used_ns;     /* CLOCK_REALTIME */
} pa_session_info;

/* 0, or -1 with a message in err (bad directory, lock held elsewhere). */
int pa_sessions_open(const pa_sessions_config *cfg, pa_sessions **out, char *err, size_t errlen);
/* Waits for running calls, frees every live session: all are on disk, but
** for any whose last save failed (outcome.saved false), whose last state
** is then lost.  Calls arriving meanwhile fail with -ESHUTDOWN. */
void pa_sessions_close(pa_sessions *s);

/* Run a request in session `id`.  Returns 0 with *res and *outcome filled
** (res freed by the caller with pa_result_free); or -1 with a message in err
** and nothing run: invalid id (-EINVAL in *code), corrupt or foreign session
** file (-EINVAL/-ESTALE), a session that needs more memory or /tmp than
** the limits allow (-E2BIG/-EDQUOT), too many busy sessions (-EBUSY), out
** of memory (-ENOMEM). */
int pa_sessions_exec(pa_sessions *s, const char *id, const pa_exec_request *req,
                     pa_result *res, pa_session_outcome *outcome, int *code,
                     char *err, size_t errlen);

/* Delete a session (waits for a running call).  0 or -ENOENT/-EINVAL. */
int pa_sessions_drop(pa_sessions *s, const char *id);

/* Every session, live or on disk; *out is malloc'd (caller frees). */
int pa_sessions_list(pa_sessions *s, pa_session_info **out, size_t *n);
/* One session: 0 or -ENOENT/-EINVAL. */
int pa_sessions_info(pa_sessions *s, const char *id, pa_session_info *out);

/* Housekeeping, to call periodically: delete sessions idle past the TTL
** (memory and disk), evict live ones idle past evict_after_s.  Returns the
** number deleted. */
int pa_sessions_sweep(pa_sessions *s);

#endif
