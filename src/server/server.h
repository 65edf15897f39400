/*
** server.h — `polyagent serve`: the HTTP/JSON service.
**
** The process holds the API, the optional key and the session directory
** lock; it runs no guest code itself: every run goes to the worker pool
** (src/sandbox/pool.h).  libmicrohttpd serves HTTP with a thread per
** connection, so a handler may block on its run; the pool bounds how many
** run at once and the queue bound turns the rest away with 429.
*/
#ifndef PA_SERVER_SERVER_H
#define PA_SERVER_SERVER_H

#include <stddef.h>
#include <stdint.h>

typedef struct pa_server_config {
    const char *host;          /* listen address; default 127.0.0.1 */
    unsigned port;             /* default 8000; 0 = any free port */
    unsigned workers;          /* default: number of cores */
    int queue_max;             /* waiting runs beyond the workers; < 0 = 64 */
    size_t body_max;           /* default 1 MiB */
    const char *api_key;       /* NULL: no auth */
    const char *state_dir;     /* base image and sessions */
    double timeout_default_s;  /* default 30, allowed 1-60 */
    uint32_t memory_default_mb;/* default 256, allowed 16-512 */
} pa_server_config;

/* Serve until SIGTERM or SIGINT, then stop accepting, finish the runs in
** flight and return 0; or return non-zero if the service cannot start
** (message on stderr).  Prints "listening on http://HOST:PORT" once ready. */
int pa_server_run(const pa_server_config *cfg);

#endif
