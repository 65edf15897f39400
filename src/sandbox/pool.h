/*
** pool.h — a supervisor and its pool of pre-started sandbox workers.
**
** Runs never execute in the process that holds the pool (the API server,
** its keys, its other requests): each goes to a worker (worker.h), a
** separate confined process.  Fresh runs take any idle worker; a session's
** runs always go to the same worker (by a hash of its id), so its live
** interpreter can stay in that worker's memory, and the session files are
** written by that worker alone while the supervisor holds the directory.
**
** Deadlines hold whatever the workers do: the supervisor waits for a result
** until the run's time limit plus a grace period and then kills the worker
** (SIGKILL), answers "timeout", and starts a new worker in its place.  The
** engine's own deadline normally ends a run exactly on time, so this only
** fires for a worker that is wedged, starved or compromised.  A worker that
** dies (e.g. killed by seccomp) gives "killed" and is replaced too.
**
** pa_pool_exec may be called from many threads at once.
*/
#ifndef PA_SANDBOX_POOL_H
#define PA_SANDBOX_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/pa_runtime.h"
#include "session/session.h"

typedef struct pa_pool pa_pool;

typedef struct pa_pool_config {
    unsigned workers;          /* 0 = number of cores */
    const char *exe;           /* the polyagent binary (exec'ed as `worker`) */
    const char *image_path;    /* base image file */
    const char *sessions_dir;  /* NULL: no sessions */
    uint32_t max_memory_mb;    /* 0 = 512 */
    double grace_s;            /* past the time limit before SIGKILL; 0 = 0.1 */
} pa_pool_config;

typedef struct pa_pool_request {
    const char *session;       /* NULL = fresh */
    const char *code; size_t code_len;
    const char *filename;
    const uint8_t *stdin_data; size_t stdin_len;
    double timeout_s;          /* > 0 */
    uint32_t memory_mb;        /* 0 = max_memory_mb */
    size_t output_cap;         /* 0 = 1 MiB */
    pa_output_fn on_output; void *output_ud; /* optional streaming */
} pa_pool_request;

/* 0, or -1 with err set (workers could not start). */
int pa_pool_open(const pa_pool_config *cfg, pa_pool **out, char *err, size_t errlen);
void pa_pool_close(pa_pool *p);

/* Run a request; always fills *res (and *outcome for sessions, with
** *has_session set).  Returns 0, or -1 if the pool is closing. */
int pa_pool_exec(pa_pool *p, const pa_pool_request *req, pa_result *res,
                 pa_session_outcome *outcome, bool *has_session);

/* Delete session id (in its worker's memory and on disk): 0, -ENOENT,
** -EINVAL (bad id) or -EIO (the worker failed). */
int pa_pool_drop(pa_pool *p, const char *id);

/* Layers active in the workers (from the first worker's hello). */
unsigned pa_pool_layers(const pa_pool *p);
/* Workers replaced so far (killed at a deadline or died). */
uint64_t pa_pool_replaced(const pa_pool *p);

#endif
