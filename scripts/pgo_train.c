/*
** pgo_train.c — runs Python files in-process, unsandboxed, one fresh interpreter
** each: the training run for gcc profile-guided optimisation of the
** generated guest C.  An instrumented binary writes its .gcda profile at
** exit, which a sandboxed child (no writable filesystem) cannot do, so
** training goes through the C API directly.
**
**   pgo_train FILE.py...     exit 0 when every file ran without error
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/pa_runtime.h"

#define STACK ((size_t)256 << 20)

static int g_argc;
static char **g_argv;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            char *nb = realloc(buf, cap = cap ? cap * 2 : 65536);
            if (!nb) { free(buf); fclose(f); return NULL; }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

static void *train(void *arg) {
    int *failed = arg;
    for (int i = 1; i < g_argc; i++) {
        size_t len;
        char *code = slurp(g_argv[i], &len);
        if (!code) { fprintf(stderr, "pgo_train: cannot read %s\n", g_argv[i]); *failed = 1; continue; }
        char err[256];
        pa_instance *in;
        if (pa_instance_new(NULL, &in, err, sizeof err)) {
            fprintf(stderr, "pgo_train: %s\n", err);
            free(code);
            *failed = 1;
            return NULL;
        }
        pa_exec_request req = {.code = code, .code_len = len, .filename = g_argv[i], .timeout_s = 300};
        pa_result r;
        pa_instance_exec(in, &req, &r);
        if (r.status != PA_STATUS_OK) {
            fprintf(stderr, "pgo_train: %s: %s\n%.*s", g_argv[i], pa_status_name(r.status), (int)r.err.len, r.err.data);
            *failed = 1;
        }
        pa_result_free(&r);
        pa_instance_free(in);
        free(code);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: pgo_train FILE.py...\n"); return 2; }
    g_argc = argc;
    g_argv = argv;
    int failed = 0;
    pthread_attr_t attr;
    pthread_t t;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, STACK);
    pthread_attr_setguardsize(&attr, (size_t)1 << 20);
    if (pthread_create(&t, &attr, train, &failed)) { fprintf(stderr, "pgo_train: no thread\n"); return 1; }
    pthread_join(t, NULL);
    pthread_attr_destroy(&attr);
    return failed;
}
