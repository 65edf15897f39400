/*
** worker.c — `polyagent worker`: the entry of a pool worker process.  Not for
** people: a supervisor (src/sandbox/pool.c) starts it with the socket on an
** fd and everything it needs in arguments; see src/sandbox/worker.h.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sandbox/worker.h"

static int number(const char *s, unsigned long max, unsigned long *out) {
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || v > max) return -1;
    *out = v;
    return 0;
}

int pa_cmd_worker(int argc, char **argv) {
    pa_worker_opts o = {.fd = -1};
    unsigned long v;
    for (int i = 0; i + 1 < argc; i += 2) {
        const char *k = argv[i], *val = argv[i + 1];
        int bad = 0;
        if (!strcmp(k, "--fd")) bad = number(val, 1024, &v), o.fd = (int)v;
        else if (!strcmp(k, "--layers")) bad = number(val, 0xFFFFFFFFul, &v), o.spawned_layers = (unsigned)v;
        else if (!strcmp(k, "--memory-mb")) bad = number(val, 4096, &v), o.max_memory_mb = (uint32_t)v;
        else if (!strcmp(k, "--image")) o.image_path = val;
        else if (!strcmp(k, "--sessions")) o.sessions_dir = val;
        else bad = 1;
        if (bad) {
            pa_cli_error("worker: bad argument %s %s (this command is started by the service)", k, val);
            return PA_EXIT_USAGE;
        }
    }
    if (o.fd < 0 || !o.image_path || !o.max_memory_mb || argc % 2) {
        pa_cli_error("worker: missing arguments (this command is started by the service)");
        return PA_EXIT_USAGE;
    }
    return pa_worker_serve(&o);
}
