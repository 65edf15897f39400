/*
** doctor.c — `polyagent doctor`: which isolation layers this machine gives
** a sandbox process, proven rather than assumed: a confined child reports
** what it obtained and then tries things every layer must stop.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli.h"
#include "sandbox/child.h"

/* Probes run inside the sandbox; each writes one line "name ok|FAIL detail". */
static void say(int fd, const char *name, int ok, const char *detail) {
    char line[256];
    int n = snprintf(line, sizeof line, "%s %s %s\n", name, ok ? "ok" : "FAIL", detail);
    if (n > 0 && write(fd, line, (size_t)n) < 0) return;
}

static int probe_main(void *ud, int fd, unsigned layers) {
    (void)ud;
    (void)layers;
    /* The root is empty: nothing of the host file system is visible. */
    DIR *d = opendir("/");
    int entries = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) entries++;
    if (d) closedir(d);
    char detail[64];
    snprintf(detail, sizeof detail, "(%d entries in /)", entries);
    say(fd, "host-files-hidden", entries == 0 && open("/etc/passwd", O_RDONLY) < 0, detail);
    say(fd, "no-write-to-root", open("/x", O_WRONLY | O_CREAT, 0600) < 0, "");
    return 0;
}

/* Must be killed by the seccomp filter (SIGSYS) on its first forbidden call. */
static int forbidden_main(void *ud, int fd, unsigned layers) {
    (void)ud;
    (void)fd;
    (void)layers;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    return s >= 0 ? 0 : 1;
}

int pa_cmd_doctor(int argc, char **argv) {
    int json = argc > 0 && !strcmp(argv[0], "--json");
    if (argc > (json ? 1 : 0)) {
        pa_cli_error("usage: polyagent doctor [--json]");
        return PA_EXIT_USAGE;
    }
    pa_confine_opts co = {.cpu_seconds = 5};
    pa_child_result r, f;
    char err[256];
    if (pa_child_run(&co, 10, probe_main, NULL, &r, err, sizeof err)) {
        pa_cli_error("%s", err);
        return 1;
    }
    if (pa_child_run(&co, 10, forbidden_main, NULL, &f, err, sizeof err)) {
        free(r.data);
        pa_cli_error("%s", err);
        return 1;
    }
    int seccomp_kills = !f.exited && f.signal == SIGSYS;
    int probes_ok = r.confined && r.exited && r.status == 0 && r.data && !strstr(r.data, " FAIL ");
    json_t *o = json_object(), *layers = json_object();
    for (unsigned b = 0; b < PA_LAYER_COUNT; b++)
        json_object_set_new(layers, pa_layer_name(1u << b), json_boolean(r.confined && (r.layers & (1u << b))));
    json_object_set_new(o, "layers", layers);
    json_object_set_new(o, "seccomp_kills_forbidden_syscall", json_boolean(seccomp_kills));
    json_object_set_new(o, "probes_ok", json_boolean(probes_ok));
    if (!r.confined) json_object_set_new(o, "error", json_string(r.data ? r.data : "no report"));
    if (json) {
        char *s = json_dumps(o, JSON_COMPACT);
        if (s) puts(s);
        free(s);
    } else {
        printf("PolyAgent sandbox layers on this machine:\n");
        for (unsigned b = 0; b < PA_LAYER_COUNT; b++)
            printf("  %-22s %s\n", pa_layer_name(1u << b), r.confined && (r.layers & (1u << b)) ? "active" : "unavailable");
        printf("  %-22s %s\n", "seccomp kills socket()", seccomp_kills ? "yes" : "NO");
        if (r.data && r.confined) printf("probes:\n%s", r.data);
        if (!r.confined) printf("sandbox set-up failed: %s\n", r.data ? r.data : "no report");
    }
    json_decref(o);
    free(r.data);
    free(f.data);
    return probes_ok && seccomp_kills ? 0 : 1;
}
