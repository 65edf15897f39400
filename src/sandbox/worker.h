/*
** worker.h — a pre-started sandbox process serving runs for a supervisor
** (pool.h), over the frames of proto.h.
**
** The supervisor spawns it in new namespaces and execs the polyagent binary
** as `polyagent worker ...`: a fresh process, so nothing of the supervisor's
** memory (keys, other users' requests) is in it.  It opens the base image,
** confines itself (confine.h), says hello with its layers, and then serves
** EXEC frames one at a time: fresh runs on an interpreter reset from the
** image between runs, session runs in the sessions the supervisor routes to
** it.  It exits when the supervisor closes the socket.
*/
#ifndef PA_SANDBOX_WORKER_H
#define PA_SANDBOX_WORKER_H

#include <stdint.h>
#include <sys/types.h>

typedef struct pa_worker_opts {
    int fd;                   /* the socket to the supervisor */
    unsigned spawned_layers;  /* namespaces obtained at spawn (ids mapped) */
    const char *image_path;
    const char *sessions_dir; /* NULL: no sessions */
    uint32_t max_memory_mb;   /* largest memory limit a request may ask */
} pa_worker_opts;

/* Never returns normally; exits 0 when the supervisor hangs up. */
int pa_worker_serve(const pa_worker_opts *o);

#endif
