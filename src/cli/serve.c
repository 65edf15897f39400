/*
** serve.c — `polyagent serve`: settings from flags, else the environment
** (POLYAGENT_*, and the seed's WASI_MEMORY_LIMIT_MB / WASI_TIMEOUT_SECONDS),
** else defaults; then src/server runs the service.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server/server.h"
#include "session/base.h"

static int num(const char *name, const char *s, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi)) {
        pa_cli_error("%s: '%s' must be a number from %g to %g", name, s, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

/* The config file (--config FILE or POLYAGENT_CONFIG): KEY=VALUE lines
** with the environment's names, '#' comments.  The environment wins over
** it, flags win over both. */
#define MAX_CONF 32
static char *conf_key[MAX_CONF], *conf_val[MAX_CONF];
static int nconf;

static int load_config(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        pa_cli_error("serve: cannot read config %s: %s", path, strerror(errno));
        return -1;
    }
    char line[4096];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = line + strspn(line, " \t");
        s[strcspn(s, "\r\n")] = 0;
        if (!*s || *s == '#') continue;
        char *eq = strchr(s, '=');
        if (!eq || eq == s || nconf == MAX_CONF) {
            pa_cli_error("serve: %s:%d: expected KEY=VALUE", path, lineno);
            rc = -1;
            break;
        }
        *eq = 0;
        conf_key[nconf] = strdup(s);
        conf_val[nconf] = strdup(eq + 1);
        if (!conf_key[nconf] || !conf_val[nconf]) { rc = -1; break; }
        nconf++;
    }
    fclose(f);
    return rc;
}

static const char *setting(const char *name) {
    const char *v = getenv(name);
    if (v && *v) return v;
    for (int i = 0; i < nconf; i++)
        if (!strcmp(conf_key[i], name)) return conf_val[i];
    return NULL;
}

static const char *env2(const char *a, const char *b) {
    const char *v = setting(a);
    return v ? v : b ? setting(b) : NULL;
}

int pa_cmd_serve(int argc, char **argv) {
    pa_server_config c = {.port = 8000, .queue_max = -1};
    const char *config = getenv("POLYAGENT_CONFIG");
    for (int i = 0; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--config")) config = argv[i + 1];
    if (config && *config && load_config(config)) return PA_EXIT_USAGE;
    const char *listen = env2("POLYAGENT_LISTEN", NULL), *workers = env2("POLYAGENT_WORKERS", NULL);
    const char *state = env2("POLYAGENT_STATE_DIR", NULL);
    const char *timeout = env2("POLYAGENT_TIMEOUT_SECONDS", "WASI_TIMEOUT_SECONDS");
    const char *memory = env2("POLYAGENT_MEMORY_LIMIT_MB", "WASI_MEMORY_LIMIT_MB");
    const char *queue = env2("POLYAGENT_QUEUE_MAX", NULL), *body = env2("POLYAGENT_BODY_MAX_BYTES", NULL);
    c.api_key = env2("POLYAGENT_API_KEY", NULL);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *ignored = NULL;
        const char **slot = !strcmp(a, "--config") ? &ignored : !strcmp(a, "--listen") ? &listen : !strcmp(a, "--workers") ? &workers
                          : !strcmp(a, "--state-dir") ? &state : !strcmp(a, "--timeout") ? &timeout
                          : !strcmp(a, "--memory-mb") ? &memory : !strcmp(a, "--queue-max") ? &queue : NULL;
        if (!slot) {
            pa_cli_error("serve: unknown option '%s' (see 'polyagent --help')", a);
            return PA_EXIT_USAGE;
        }
        if (i + 1 >= argc) {
            pa_cli_error("serve: option %s needs an argument", a);
            return PA_EXIT_USAGE;
        }
        *slot = argv[++i];
    }
    double v;
    char host[64];
    if (listen) {
        const char *colon = strrchr(listen, ':');
        if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof host ||
            num("--listen port", colon + 1, 0, 65535, &v)) {
            pa_cli_error("serve: --listen must be HOST:PORT, e.g. 127.0.0.1:8000");
            return PA_EXIT_USAGE;
        }
        memcpy(host, listen, (size_t)(colon - listen));
        host[colon - listen] = 0;
        c.host = host;
        c.port = (unsigned)v;
    }
    if (workers) { if (num("workers", workers, 1, 256, &v)) return PA_EXIT_USAGE; c.workers = (unsigned)v; }
    if (timeout) { if (num("timeout", timeout, 1, 60, &v)) return PA_EXIT_USAGE; c.timeout_default_s = v; }
    if (memory) { if (num("memory limit (MB)", memory, 16, 512, &v)) return PA_EXIT_USAGE; c.memory_default_mb = (uint32_t)v; }
    if (queue) { if (num("queue max", queue, 0, 100000, &v)) return PA_EXIT_USAGE; c.queue_max = (int)v; }
    /* Up to 64 MiB: a request must fit the workers' frame limit (96 MiB). */
    if (body) { if (num("body max", body, 1024, 64 << 20, &v)) return PA_EXIT_USAGE; c.body_max = (size_t)v; }
    char dir[4096];
    if (!state) {
        if (pa_state_dir_default(dir, sizeof dir)) {
            pa_cli_error("serve: no state directory: set HOME, POLYAGENT_STATE_DIR or --state-dir");
            return PA_EXIT_USAGE;
        }
        state = dir;
    }
    c.state_dir = state;
    return pa_server_run(&c);
}
