/*
** test_pool.c — the worker pool end to end: a supervisor in this process,
** workers exec'ed from the polyagent binary ($POLYAGENT), confined.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sandbox/confine.h"
#include "sandbox/pool.h"
#include "session/base.h"

static char g_dir[256], g_image[4300], g_sessions[4300];
static const char *g_exe;

static pa_pool *open_pool(unsigned workers, double grace) {
    pa_pool_config cfg = {.workers = workers, .exe = g_exe, .image_path = g_image,
                          .sessions_dir = g_sessions, .max_memory_mb = 256, .grace_s = grace};
    pa_pool *p;
    char err[256];
    int rc = pa_pool_open(&cfg, &p, err, sizeof err);
    if (rc) fprintf(stderr, "pool: %s\n", err);
    assert_int_equal(rc, 0);
    return p;
}

static void run(pa_pool *p, const char *session, const char *code, double timeout, pa_result *r,
                pa_session_outcome *o) {
    pa_pool_request q = {.session = session, .code = code, .code_len = strlen(code), .timeout_s = timeout};
    bool has;
    assert_int_equal(pa_pool_exec(p, &q, r, o, &has), 0);
    assert_true(has == (session != NULL));
}

static void expect(pa_pool *p, const char *session, const char *code, const char *out) {
    pa_result r;
    pa_session_outcome o;
    run(p, session, code, 10, &r, &o);
    if (strcmp(r.out.data, out)) fprintf(stderr, "got [%s] err [%s]\n", r.out.data, r.err.data);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_string_equal(r.out.data, out);
    pa_result_free(&r);
}

static void test_fresh_runs(void **st) {
    (void)st;
    pa_pool *p = open_pool(2, 0);
    unsigned need = PA_LAYER_SECCOMP | PA_LAYER_NO_NEW_PRIVS | PA_LAYER_CAPS_DROPPED | PA_LAYER_RLIMITS;
    assert_int_equal(pa_pool_layers(p) & need, need);
    expect(p, NULL, "print(6 * 7)", "42\n");
    /* Fresh means fresh: nothing of the previous run is left. */
    expect(p, NULL, "x = 1\nopen('/tmp/f', 'w').write('a')", "");
    for (int i = 0; i < 4; i++)
        expect(p, NULL, "import os\nprint('x' in globals(), os.listdir('/tmp'))", "False []\n");
    pa_result r;
    pa_session_outcome o;
    run(p, NULL, "import sys\nsys.stdout.write('a' * 300)", 10, &r, &o);
    assert_int_equal(r.out.len, 300);
    pa_result_free(&r);
    run(p, NULL, "1/0", 10, &r, &o);
    assert_int_equal(r.status, PA_STATUS_ERROR);
    assert_string_equal(r.error_type, "ZeroDivisionError");
    pa_result_free(&r);
    pa_pool_close(p);
}

static void test_sessions_stick(void **st) {
    (void)st;
    pa_pool *p = open_pool(2, 0);
    expect(p, "alpha", "n = 1", "");
    expect(p, "beta", "n = 100", "");
    for (int i = 0; i < 3; i++) {
        expect(p, "alpha", "n += 1", "");
        expect(p, "beta", "n += 1", "");
    }
    expect(p, "alpha", "print(n)", "4\n");
    expect(p, "beta", "print(n)", "103\n");
    pa_pool_close(p);
    /* A new pool (new workers) finds them on disk. */
    p = open_pool(3, 0);
    expect(p, "alpha", "print(n)", "4\n");
    pa_pool_close(p);
}

static void test_timeouts(void **st) {
    (void)st;
    pa_pool *p = open_pool(1, 0);
    pa_result r;
    pa_session_outcome o;
    run(p, NULL, "while True: pass", 0.5, &r, &o);
    assert_int_equal(r.status, PA_STATUS_TIMEOUT);
    assert_true(r.duration_ms >= 500 && r.duration_ms < 700);
    pa_result_free(&r);
    assert_int_equal(pa_pool_replaced(p), 0); /* the engine's own deadline: worker kept */
    expect(p, NULL, "print('still here')", "still here\n");
    pa_pool_close(p);

    /* With no grace at all the supervisor gets there first: it kills the
    ** worker, answers timeout, and the next run gets a new worker. */
    p = open_pool(1, 0.0001);
    run(p, "s", "v = 1", 10, &r, &o);
    pa_result_free(&r);
    run(p, "s", "v = 2\nwhile True: pass", 0.3, &r, &o);
    assert_int_equal(r.status, PA_STATUS_TIMEOUT);
    pa_result_free(&r);
    expect(p, "s", "print(v)", "1\n"); /* the killed call rolled back */
    pa_pool_close(p);
}

typedef struct par { pa_pool *p; int id; int ok; } par;

static void *par_main(void *arg) {
    par *a = arg;
    for (int i = 0; i < 10; i++) {
        char code[64], want[32];
        snprintf(code, sizeof code, "print(%d * %d)", a->id, i);
        snprintf(want, sizeof want, "%d\n", a->id * i);
        pa_pool_request q = {.code = code, .code_len = strlen(code), .timeout_s = 10};
        pa_result r;
        pa_session_outcome o;
        bool has;
        if (pa_pool_exec(a->p, &q, &r, &o, &has) == 0 && r.status == PA_STATUS_OK && !strcmp(r.out.data, want))
            a->ok++;
        pa_result_free(&r);
    }
    return NULL;
}

static void test_parallel(void **st) {
    (void)st;
    pa_pool *p = open_pool(2, 0);
    pthread_t th[6];
    par a[6];
    for (int i = 0; i < 6; i++) {
        a[i] = (par){p, i + 1, 0};
        pthread_create(&th[i], NULL, par_main, &a[i]);
    }
    for (int i = 0; i < 6; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(a[i].ok, 10);
    }
    pa_pool_close(p);
}

int main(void) {
    g_exe = getenv("POLYAGENT");
    if (!g_exe) g_exe = "build/polyagent";
    char exe[4096];
    if (!realpath(g_exe, exe)) { fprintf(stderr, "no polyagent binary at %s\n", g_exe); return 1; }
    g_exe = exe;
    snprintf(g_dir, sizeof g_dir, "/tmp/pa-pool-test-XXXXXX");
    if (!mkdtemp(g_dir)) return 1;
    /* The image is built by a short-lived polyagent run: this process keeps
    ** no interpreter of its own, like a real supervisor. */
    char cmd[8500];
    snprintf(cmd, sizeof cmd, "POLYAGENT_STATE_DIR=%s %s run -c pass", g_dir, g_exe);
    if (system(cmd) != 0) return 1;
    snprintf(cmd, sizeof cmd, "ls %s/images/base-*.img", g_dir);
    FILE *f = popen(cmd, "r");
    if (!f || !fgets(g_image, sizeof g_image, f)) return 1;
    pclose(f);
    g_image[strcspn(g_image, "\n")] = 0;
    snprintf(g_sessions, sizeof g_sessions, "%s/sessions", g_dir);
    snprintf(cmd, sizeof cmd, "mkdir -p %s", g_sessions);
    if (system(cmd) != 0) return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fresh_runs),
        cmocka_unit_test(test_sessions_stick),
        cmocka_unit_test(test_timeouts),
        cmocka_unit_test(test_parallel),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    snprintf(cmd, sizeof cmd, "rm -rf %s", g_dir);
    if (system(cmd) != 0) rc = 1;
    return rc;
}
