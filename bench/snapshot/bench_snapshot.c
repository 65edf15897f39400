/*
** bench_snapshot.c — what snapshots and sessions cost, through the C API.
**
**   bench_snapshot STATE_DIR OUT.json [runs] [disk_sessions]
**
** Measured in one run, so ratios are against a baseline taken on the same
** machine at the same moment:
**   cold      pa_instance_new (interpreter started from scratch) + exec
**   fresh     pa_instance_reset (copy-on-write back to the image) + exec,
**             and the two halves separately
**   session   exec in a live session (includes the durable save to disk)
**   restore   exec in a session that must first come back from its file
**   throughput fresh executions/s with one instance per core
**   memory    resident memory added per idle session after `x = 1`
**   disk      listing N sessions on disk, restoring a sample of them
** Every guest call runs on a thread with a 256 MiB stack, as in the CLI.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime/pa_runtime.h"
#include "session/base.h"
#include "session/session.h"

#define STACK ((size_t)256 << 20)

static const char *g_state;
static const char *g_out;
static int g_runs = 2000;
static pa_image *g_img;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct stats { double p50, p99, mean; } stats;

static stats summarize(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    double sum = 0;
    for (int i = 0; i < n; i++) sum += v[i];
    int i99 = (int)(n * 0.99);
    if (i99 >= n) i99 = n - 1;
    return (stats){v[n / 2], v[i99], sum / n};
}

static void run_code(pa_instance *in, const char *code) {
    pa_exec_request req = {.code = code, .code_len = strlen(code), .timeout_s = 10};
    pa_result r;
    pa_instance_exec(in, &req, &r);
    if (r.status != PA_STATUS_OK || strcmp(r.out.data, "1\n") != 0) {
        fprintf(stderr, "bench: unexpected result %s: %s\n", pa_status_name(r.status), r.err.data);
        exit(1);
    }
    pa_result_free(&r);
}

static uint64_t private_kb(void) {
    /* Private (not shared with the page cache or other processes) memory
    ** of this process: what sessions really cost. */
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f) return 0;
    char line[256];
    uint64_t kb = 0, v;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "Private_Clean: %lu kB", &v) == 1 || sscanf(line, "Private_Dirty: %lu kB", &v) == 1)
            kb += v;
    }
    fclose(f);
    return kb;
}

/* ---- measurements (each runs on a big-stack thread) ------------------------- */

static stats s_cold, s_fresh, s_reset, s_exec, s_sess, s_restore;
static double s_tput;
static double s_idle_kb, s_idle_live_kb, s_sess_file_kb;
static int s_live_n;
static int g_disk_n = 100000;
static double s_disk_write_s, s_disk_list_ms;
static stats s_disk_restore;
static size_t s_disk_listed;

static void *m_cold(void *arg) {
    (void)arg;
    int n = 50;
    double *t = calloc((size_t)n, sizeof *t);
    char err[256];
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        pa_instance *in;
        if (pa_instance_new(NULL, &in, err, sizeof err)) { fprintf(stderr, "%s\n", err); exit(1); }
        run_code(in, "print(1)");
        pa_instance_free(in);
        t[i] = now_ms() - t0;
    }
    s_cold = summarize(t, n);
    free(t);
    return NULL;
}

static void *m_fresh(void *arg) {
    (void)arg;
    int n = g_runs;
    double *t = calloc((size_t)n, sizeof *t), *tr = calloc((size_t)n, sizeof *t), *te = calloc((size_t)n, sizeof *t);
    char err[256];
    pa_instance_config cfg = {.image = g_img};
    pa_instance *in;
    if (pa_instance_new(&cfg, &in, err, sizeof err)) { fprintf(stderr, "%s\n", err); exit(1); }
    for (int i = 0; i < 50; i++) { pa_instance_reset(in); run_code(in, "print(1)"); } /* warm up */
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        if (pa_instance_reset(in)) { fprintf(stderr, "reset failed\n"); exit(1); }
        double t1 = now_ms();
        run_code(in, "print(1)");
        double t2 = now_ms();
        t[i] = t2 - t0;
        tr[i] = t1 - t0;
        te[i] = t2 - t1;
    }
    pa_instance_free(in);
    s_fresh = summarize(t, n);
    s_reset = summarize(tr, n);
    s_exec = summarize(te, n);
    free(t); free(tr); free(te);
    return NULL;
}

typedef struct tput_arg { double until; long count; } tput_arg;

static void *m_tput_worker(void *arg) {
    tput_arg *a = arg;
    char err[256];
    pa_instance_config cfg = {.image = g_img};
    pa_instance *in;
    if (pa_instance_new(&cfg, &in, err, sizeof err)) { fprintf(stderr, "%s\n", err); exit(1); }
    while (now_ms() < a->until) {
        pa_instance_reset(in);
        run_code(in, "print(1)");
        a->count++;
    }
    pa_instance_free(in);
    return NULL;
}

static void spawn(void *(*fn)(void *), void *arg, pthread_t *th) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, STACK);
    pthread_attr_setguardsize(&attr, (size_t)1 << 20);
    if (pthread_create(th, &attr, fn, arg)) { perror("pthread_create"); exit(1); }
    pthread_attr_destroy(&attr);
}

static void m_throughput(void) {
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpu < 1) ncpu = 1;
    pthread_t th[64];
    tput_arg args[64];
    double secs = 3, t0 = now_ms();
    for (long i = 0; i < ncpu && i < 64; i++) {
        args[i] = (tput_arg){t0 + secs * 1000, 0};
        spawn(m_tput_worker, &args[i], &th[i]);
    }
    long total = 0;
    for (long i = 0; i < ncpu && i < 64; i++) {
        pthread_join(th[i], NULL);
        total += args[i].count;
    }
    s_tput = total / ((now_ms() - t0) / 1000);
}

static pa_sessions *open_sessions(const char *sub, uint32_t max_live) {
    char dir[4200], err[512];
    snprintf(dir, sizeof dir, "%s/%s", g_state, sub);
    pa_sessions_config cfg = {.dir = dir, .image = g_img, .max_live = max_live};
    pa_sessions *s;
    if (pa_sessions_open(&cfg, &s, err, sizeof err)) { fprintf(stderr, "%s\n", err); exit(1); }
    return s;
}

static void sess_exec(pa_sessions *s, const char *id, const char *code, pa_session_outcome *o) {
    pa_exec_request req = {.code = code, .code_len = strlen(code), .timeout_s = 10};
    pa_result r;
    int c;
    char err[512];
    if (pa_sessions_exec(s, id, &req, &r, o, &c, err, sizeof err)) { fprintf(stderr, "%s\n", err); exit(1); }
    if (r.status != PA_STATUS_OK) { fprintf(stderr, "session exec: %s\n", r.err.data); exit(1); }
    pa_result_free(&r);
}

static void *m_sessions(void *arg) {
    (void)arg;
    pa_session_outcome o;
    /* Warm session: one session, many calls (each saved durably). */
    pa_sessions *s = open_sessions("warm", 0);
    int n = g_runs / 4;
    double *t = calloc((size_t)n, sizeof *t);
    sess_exec(s, "w", "x = 1", &o);
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        sess_exec(s, "w", "x += 1", &o);
        t[i] = now_ms() - t0;
    }
    s_sess = summarize(t, n);
    pa_sessions_close(s);

    /* Restore: max_live 1, alternate two sessions, so each call loads a file. */
    s = open_sessions("restore", 1);
    sess_exec(s, "a", "x = 1", &o);
    sess_exec(s, "b", "x = 1", &o);
    int m = n / 2;
    for (int i = 0; i < m; i++) {
        double t0 = now_ms();
        sess_exec(s, i % 2 ? "b" : "a", "x += 1", &o);
        t[i] = now_ms() - t0;
        if (o.origin != PA_SESSION_RESTORED) { fprintf(stderr, "expected a restore\n"); exit(1); }
    }
    s_restore = summarize(t, m);
    pa_sessions_close(s);
    free(t);

    /* Memory: N live idle sessions after `x = 1`. */
    s = open_sessions("memory", 2000);
    s_live_n = 1000;
    uint64_t before = private_kb();
    char id[32];
    for (int i = 0; i < s_live_n; i++) {
        snprintf(id, sizeof id, "m%d", i);
        sess_exec(s, id, "x = 1", &o);
    }
    uint64_t after = private_kb();
    s_idle_kb = (double)(after - before) / s_live_n;
    pa_session_info *info;
    size_t ni;
    if (pa_sessions_list(s, &info, &ni) == 0) {
        double res = 0, disk = 0;
        for (size_t i = 0; i < ni; i++) { res += info[i].resident_bytes; disk += info[i].disk_bytes; }
        s_idle_live_kb = ni ? res / ni / 1024 : 0;
        s_sess_file_kb = ni ? disk / ni / 1024 : 0;
        free(info);
    }
    pa_sessions_close(s);
    return NULL;
}

/* Many sessions on disk: one real session's file copied under N names
** (what N agents that each ran `x = 1` leave behind), then listed, and a
** sample restored and checked. */
static void *m_disk(void *arg) {
    (void)arg;
    pa_session_outcome o;
    pa_sessions *s = open_sessions("disk", 0);
    sess_exec(s, "seed", "x = 1", &o);
    char path[4300], dir[4200];
    snprintf(dir, sizeof dir, "%s/disk", g_state);
    snprintf(path, sizeof path, "%s/seed.session", dir);
    FILE *f = fopen(path, "rb");
    static uint8_t buf[1 << 20];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    double t0 = now_ms();
    for (int i = 0; i < g_disk_n; i++) {
        snprintf(path, sizeof path, "%s/d%06d.session", dir, i);
        FILE *w = fopen(path, "wb");
        if (!w || fwrite(buf, 1, n, w) != n || fclose(w)) { perror(path); exit(1); }
    }
    s_disk_write_s = (now_ms() - t0) / 1000;
    t0 = now_ms();
    pa_session_info *info;
    if (pa_sessions_list(s, &info, &s_disk_listed)) { fprintf(stderr, "list failed\n"); exit(1); }
    s_disk_list_ms = now_ms() - t0;
    free(info);
    int m = 200;
    double t[200];
    for (int i = 0; i < m; i++) {
        char id[32];
        snprintf(id, sizeof id, "d%06d", (int)(((long)i * 7919) % g_disk_n));
        double t1 = now_ms();
        pa_exec_request req = {.code = "print(x)", .code_len = 8, .timeout_s = 10};
        pa_result r;
        int c;
        char err[512];
        if (pa_sessions_exec(s, id, &req, &r, &o, &c, err, sizeof err) || r.status != PA_STATUS_OK ||
            strcmp(r.out.data, "1\n") != 0 || o.origin != PA_SESSION_RESTORED) {
            fprintf(stderr, "restore of %s failed: %s\n", id, err);
            exit(1);
        }
        pa_result_free(&r);
        t[i] = now_ms() - t1;
    }
    s_disk_restore = summarize(t, m);
    pa_sessions_close(s);
    return NULL;
}

static void run_on_thread(void *(*fn)(void *)) {
    pthread_t th;
    spawn(fn, NULL, &th);
    pthread_join(th, NULL);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: bench_snapshot STATE_DIR OUT.json [runs]\n");
        return 2;
    }
    g_state = argv[1];
    g_out = argv[2];
    if (argc > 3) g_runs = atoi(argv[3]);
    if (argc > 4) g_disk_n = atoi(argv[4]);
    if (g_disk_n < 1) g_disk_n = 1;
    if (g_runs < 100) g_runs = 100;
    char err[512];
    double t0 = now_ms();
    if (pa_base_image_open(g_state, &g_img, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    double image_ms = now_ms() - t0;

    run_on_thread(m_cold);
    run_on_thread(m_fresh);
    m_throughput();
    run_on_thread(m_sessions);
    run_on_thread(m_disk);

    FILE *f = fopen(g_out, "w");
    if (!f) { perror(g_out); return 1; }
    fprintf(f, "{\n  \"runs\": %d,\n  \"image_open_or_build_ms\": %.1f,\n", g_runs, image_ms);
#define ST(name, s) fprintf(f, "  \"%s\": {\"p50_ms\": %.4f, \"p99_ms\": %.4f, \"mean_ms\": %.4f},\n", name, s.p50, s.p99, s.mean)
    ST("cold_new_exec", s_cold);
    ST("fresh_reset_exec", s_fresh);
    ST("fresh_reset_only", s_reset);
    ST("fresh_exec_only", s_exec);
    ST("session_warm_exec_saved", s_sess);
    ST("session_restore_exec_saved", s_restore);
    fprintf(f, "  \"fresh_execs_per_s_all_cores\": %.0f,\n", s_tput);
    fprintf(f, "  \"idle_session_private_kb\": %.1f,\n  \"idle_session_pagemap_kb\": %.1f,\n"
               "  \"session_file_kb\": %.1f,\n  \"live_sessions\": %d,\n",
            s_idle_kb, s_idle_live_kb, s_sess_file_kb, s_live_n);
    fprintf(f, "  \"disk_sessions\": %zu,\n  \"disk_write_s\": %.2f,\n  \"disk_list_ms\": %.1f,\n",
            s_disk_listed, s_disk_write_s, s_disk_list_ms);
    fprintf(f, "  \"disk_restore_exec\": {\"p50_ms\": %.4f, \"p99_ms\": %.4f, \"mean_ms\": %.4f}\n}\n",
            s_disk_restore.p50, s_disk_restore.p99, s_disk_restore.mean);
    fclose(f);

    printf("| measure | p50 ms | p99 ms |\n|---|---|---|\n");
#define ROW(name, s) printf("| %s | %.3f | %.3f |\n", name, s.p50, s.p99)
    ROW("cold start + print(1) (baseline)", s_cold);
    ROW("fresh from snapshot: reset + print(1)", s_fresh);
    ROW("  reset only", s_reset);
    ROW("  exec only", s_exec);
    ROW("warm session call (saved to disk)", s_sess);
    ROW("session restored from disk + call", s_restore);
    ROW("restore 1 of N on-disk sessions + call", s_disk_restore);
    printf("\nfresh vs cold p50: %.1fx faster\n", s_cold.p50 / s_fresh.p50);
    printf("fresh executions/s, all cores: %.0f\n", s_tput);
    printf("idle session after x = 1: %.0f KiB private (process delta over %d live), %.0f KiB by pagemap; file %.0f KiB\n",
           s_idle_kb, s_live_n, s_idle_live_kb, s_sess_file_kb);
    printf("%zu sessions on disk: listed in %.0f ms; 200 sampled restores all correct\n", s_disk_listed, s_disk_list_ms);
    pa_image_close(g_img);
    return 0;
}
