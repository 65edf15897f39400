/*
** mcp.c — `polyagent mcp`: an MCP server over stdio.  One JSON-RPC message
** per line in, one response per line out (notifications get none); the
** python_executor tool runs on a pool of sandbox workers, as the service's.
** Logs go to stderr: stdout belongs to the protocol.
*/
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server/backend.h"
#include "server/mcp.h"
#include "session/base.h"

#define MAX_LINE ((size_t)32 << 20)

static json_t *run(void *ud, const pa_api_exec *e, pa_api_err *err) {
    json_t *j = pa_backend_run(ud, e, NULL, NULL, NULL);
    if (!j) *err = PA_API_INTERNAL;
    return j;
}

static int emit(json_t *r) {
    char *s = r ? json_dumps(r, JSON_COMPACT) : NULL;
    json_decref(r);
    if (!s) return -1;
    int bad = fputs(s, stdout) < 0 || fputc('\n', stdout) < 0 || fflush(stdout) != 0;
    free(s);
    return bad ? -1 : 0;
}

int pa_cmd_mcp(int argc, char **argv) {
    const char *state = getenv("POLYAGENT_STATE_DIR");
    unsigned workers = 1;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--state-dir") && i + 1 < argc) state = argv[++i];
        else if (!strcmp(argv[i], "--workers") && i + 1 < argc) {
            char *end;
            unsigned long v = strtoul(argv[++i], &end, 10);
            if (*end || v < 1 || v > 64) {
                pa_cli_error("mcp: --workers must be 1-64");
                return PA_EXIT_USAGE;
            }
            workers = (unsigned)v;
        } else {
            pa_cli_error("usage: polyagent mcp [--state-dir DIR] [--workers N]");
            return PA_EXIT_USAGE;
        }
    }
    char dir[4096], err[512];
    if (!state || !*state) {
        if (pa_state_dir_default(dir, sizeof dir)) {
            pa_cli_error("mcp: no state directory: set HOME, POLYAGENT_STATE_DIR or --state-dir");
            return PA_EXIT_USAGE;
        }
        state = dir;
    }
    pa_backend be;
    if (pa_backend_open(state, workers, 512, &be, err, sizeof err)) {
        pa_cli_error("mcp: %s", err);
        return 1;
    }
    pa_api_limits lim = {.timeout_default_s = 30, .timeout_min_s = 1, .timeout_max_s = 60,
                         .memory_default_mb = 256, .memory_min_mb = 16, .memory_max_mb = 512};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (!n) continue;
        if ((size_t)n > MAX_LINE) {
            if (emit(pa_mcp_parse_error("message too large"))) { rc = 1; break; }
            continue;
        }
        json_error_t je;
        json_t *msg = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &je);
        json_t *r = msg ? pa_mcp_handle(msg, &lim, run, &be) : pa_mcp_parse_error(je.text);
        json_decref(msg);
        if (r && emit(r)) { rc = 1; break; } /* the client went away */
    }
    free(line);
    pa_backend_close(&be);
    return rc;
}
