/*
** backend.h — what a front end (the HTTP service, the MCP server) runs code
** on: the base image, the session directory (locked: this process owns its
** sessions), and a pool of sandbox workers.
*/
#ifndef PA_SERVER_BACKEND_H
#define PA_SERVER_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "sandbox/pool.h"

typedef struct pa_backend {
    pa_pool *pool;
    int lock_fd;
    char sessions[4200];
} pa_backend;

/* 0, or -1 with err set (no image, directory in use, workers not starting). */
int pa_backend_open(const char *state_dir, unsigned workers, uint32_t max_memory_mb, pa_backend *be,
                    char *err, size_t errlen);
void pa_backend_close(pa_backend *be);

/* Run e on the pool: the result object of /v1/execute ("session_id", and
** "session" for a session run), or NULL (out of memory).  Output goes to
** on_output as produced; seen, if given, sees the raw result (metrics). */
struct pa_api_exec;
json_t *pa_backend_run(pa_backend *be, const struct pa_api_exec *e, pa_output_fn on_output, void *ud,
                       void (*seen)(const pa_result *r));

#endif
