/*
** main.c — `polyagent` entry point: dispatch to a subcommand.
*/
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void pa_cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("polyagent: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void usage(FILE *f) {
    fputs("usage: polyagent run [options] (-c CODE | FILE.py | -)\n"
          "       polyagent doctor [--json]   which sandbox layers this machine gives\n"
          "       polyagent serve [--listen HOST:PORT] [--workers N] [--state-dir DIR]\n"
          "                       [--timeout SEC] [--memory-mb N] [--queue-max N]\n"
          "                       the HTTP service (env: POLYAGENT_LISTEN, POLYAGENT_WORKERS,\n"
          "                       POLYAGENT_API_KEY, WASI_TIMEOUT_SECONDS, WASI_MEMORY_LIMIT_MB...)\n"
          "       polyagent submit \"Execute Python: CODE\" [--session ID] [--server URL]\n"
          "                       send a task to a running service (POLYAGENT_SERVER)\n"
          "       polyagent mcp [--state-dir DIR] [--workers N]\n"
          "                       an MCP server (JSON-RPC over stdio) with the python_executor tool\n"
          "\n"
          "Run Python code in the PolyAgent sandbox.\n"
          "  -c CODE            run CODE\n"
          "  FILE.py            run the file's contents ('-' reads the code from stdin)\n"
          "  --stdin TEXT       standard input for the program\n"
          "  --stdin-file PATH  standard input from a file\n"
          "  --timeout SEC      wall-clock limit, 1-60 (default 30)\n"
          "  --memory-mb N      memory limit, 16-4096 (default 256)\n"
          "  --json             print one JSON result object\n"
          "  --session ID       run in session ID: variables, imports, functions and\n"
          "                     files in /tmp persist across runs (kept on disk)\n"
          "  --mount HOST:GUEST[:ro]  show a host directory read-only at GUEST\n"
          "                     (read into memory before the sandbox starts)\n"
          "  --state-dir DIR    where base images and sessions live (default\n"
          "                     $POLYAGENT_STATE_DIR, else ~/.local/state/polyagent)\n"
          "\n"
          "Exit status: the program's own (0, 1 on an uncaught exception, n for\n"
          "sys.exit(n)); 124 timeout, 125 memory limit, 126 killed (trap),\n"
          "2 usage error.  With --json: 0 whenever a result was printed.\n", f);
}

int main(int argc, char **argv) {
    /* A reader that goes away (| head) must not kill a run mid host call:
    ** writes then fail with EPIPE and the output is dropped. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        pa_cli_error("missing command");
        usage(stderr);
        return PA_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "run")) return pa_cmd_run(argc - 2, argv + 2);
    if (!strcmp(argv[1], "doctor")) return pa_cmd_doctor(argc - 2, argv + 2);
    if (!strcmp(argv[1], "serve")) return pa_cmd_serve(argc - 2, argv + 2);
    if (!strcmp(argv[1], "mcp")) return pa_cmd_mcp(argc - 2, argv + 2);
    if (!strcmp(argv[1], "submit")) return pa_cmd_submit(argc - 2, argv + 2);
    if (!strcmp(argv[1], "worker")) return pa_cmd_worker(argc - 2, argv + 2);
    pa_cli_error("unknown command '%s' (try 'polyagent --help')", argv[1]);
    return PA_EXIT_USAGE;
}
