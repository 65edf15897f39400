/*
** test_sandbox.c — the OS layers of src/sandbox: each test runs a probe in
** a confined child (pa_child_run) and checks what the kernel let it do.
** A probe reports through its report fd; a forbidden system call must kill
** the child with SIGSYS, never just fail.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "sandbox/child.h"

static char g_state[256];

static void report(int fd, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0 && write(fd, buf, (size_t)n) < 0) _exit(99);
}

static pa_child_result run(pa_child_fn fn, double deadline, const char *state) {
    pa_confine_opts co = {.state_dir = state, .cpu_seconds = 30, .data_bytes = 0, .file_bytes = 1 << 20};
    pa_child_result r;
    char err[256];
    int rc = pa_child_run(&co, deadline, fn, NULL, &r, err, sizeof err);
    assert_int_equal(rc, 0);
    assert_true(r.confined);
    return r;
}

/* ---- probes ------------------------------------------------------------------- */

static int p_files(void *ud, int fd, unsigned layers) {
    (void)ud;
    int n = 0;
    DIR *d = opendir("/");
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') report(fd, "%s,", e->d_name), n++;
    if (d) closedir(d);
    report(fd, "|passwd=%d", open("/etc/passwd", O_RDONLY) >= 0);
    report(fd, "|proc=%d", open("/proc/self/maps", O_RDONLY) >= 0);
    report(fd, "|create=%d", open("/newfile", O_WRONLY | O_CREAT, 0600) >= 0);
    report(fd, "|up=%d", open("/../../etc/passwd", O_RDONLY) >= 0);
    report(fd, "|root=%d", (layers & PA_LAYER_EMPTY_ROOT) != 0);
    return 0;
}

static int p_state(void *ud, int fd, unsigned layers) {
    (void)ud;
    (void)layers;
    int f = open("/state/written", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    report(fd, "write=%d", f >= 0 && write(f, "ok", 2) == 2);
    if (f >= 0) close(f);
    report(fd, "|up=%d", open("/state/../etc/passwd", O_RDONLY) >= 0);
    return 0;
}

static int p_socket(void *ud, int fd, unsigned l) { (void)ud; (void)fd; (void)l; return socket(AF_UNIX, SOCK_STREAM, 0) >= 0 ? 0 : 1; }
static int p_fork(void *ud, int fd, unsigned l) { (void)ud; (void)fd; (void)l; return fork() >= 0 ? 0 : 1; }
static int p_execve(void *ud, int fd, unsigned l) {
    (void)ud; (void)fd; (void)l;
    char *argv[] = {"/bin/true", NULL};
    execve("/bin/true", argv, NULL);
    return 1;
}
static int p_ptrace(void *ud, int fd, unsigned l) { (void)ud; (void)fd; (void)l; return ptrace(PTRACE_TRACEME, 0, 0, 0) == 0 ? 0 : 1; }
static int p_exec_mem(void *ud, int fd, unsigned l) {
    (void)ud; (void)fd; (void)l;
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p != MAP_FAILED ? 0 : 1;
}
static int p_mprotect_exec(void *ud, int fd, unsigned l) {
    (void)ud; (void)fd; (void)l;
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return 2;
    return mprotect(p, 4096, PROT_READ | PROT_EXEC) == 0 ? 0 : 1;
}
static int p_kill_parent(void *ud, int fd, unsigned l) { (void)ud; (void)fd; (void)l; return kill(getppid(), SIGKILL) == 0 ? 0 : 1; }
static int p_unshare(void *ud, int fd, unsigned l) { (void)ud; (void)fd; (void)l; return syscall(SYS_unshare, 0) == 0 ? 0 : 1; }
static int p_mount(void *ud, int fd, unsigned l) { (void)ud; (void)fd; (void)l; return syscall(SYS_mount, "none", "/", "tmpfs", 0, NULL) == 0 ? 0 : 1; }

static int p_limits(void *ud, int fd, unsigned layers) {
    (void)ud;
    (void)layers;
    struct rlimit r;
    getrlimit(RLIMIT_CORE, &r);
    report(fd, "core=%llu", (unsigned long long)r.rlim_max);
    getrlimit(RLIMIT_NOFILE, &r);
    report(fd, "|nofile=%llu", (unsigned long long)r.rlim_max);
    getrlimit(RLIMIT_CPU, &r);
    report(fd, "|cpu=%llu", (unsigned long long)r.rlim_max);
    report(fd, "|fds=");
    for (int i = 0; i < 64; i++)
        if (fcntl(i, F_GETFD) >= 0) report(fd, "%d,", i);
    return 0;
}

static int p_hang(void *ud, int fd, unsigned l) {
    (void)ud; (void)fd; (void)l;
    volatile int spin = 1;
    while (spin) {} /* until the parent's deadline kills it */
    return 0;
}

static int p_sleep(void *ud, int fd, unsigned l) {
    (void)ud; (void)fd; (void)l;
    struct timespec ts = {100, 0};
    nanosleep(&ts, NULL);
    return 0;
}

/* ---- tests ------------------------------------------------------------------- */

static void test_host_files_hidden(void **st) {
    (void)st;
    pa_child_result r = run(p_files, 10, NULL);
    assert_true(r.exited);
    assert_int_equal(r.status, 0);
    if (r.layers & PA_LAYER_EMPTY_ROOT)
        assert_string_equal(r.data, "|passwd=0|proc=0|create=0|up=0|root=1");
    free(r.data);
}

static void test_state_dir_only(void **st) {
    (void)st;
    pa_child_result r = run(p_state, 10, g_state);
    assert_true(r.exited);
    if (r.layers & PA_LAYER_EMPTY_ROOT) {
        assert_string_equal(r.data, "write=1|up=0");
        char path[300];
        snprintf(path, sizeof path, "%s/written", g_state);
        assert_int_equal(access(path, F_OK), 0); /* it really is the host directory */
    }
    free(r.data);
}

static void expect_sigsys(pa_child_fn fn) {
    pa_child_result r = run(fn, 10, NULL);
    assert_true(r.layers & PA_LAYER_SECCOMP);
    assert_false(r.exited);
    assert_int_equal(r.signal, SIGSYS);
    free(r.data);
}

static void test_forbidden_syscalls_kill(void **st) {
    (void)st;
    expect_sigsys(p_socket);
    expect_sigsys(p_fork);
    expect_sigsys(p_execve);
    expect_sigsys(p_ptrace);
    expect_sigsys(p_exec_mem);
    expect_sigsys(p_mprotect_exec);
    expect_sigsys(p_kill_parent);
    expect_sigsys(p_unshare);
    expect_sigsys(p_mount);
}

static void test_limits_and_fds(void **st) {
    (void)st;
    pa_child_result r = run(p_limits, 10, NULL);
    assert_true(r.exited);
    /* stdio and the report pipe, nothing else */
    assert_non_null(strstr(r.data, "core=0|nofile=64|cpu=30|fds=0,1,2,"));
    const char *fds = strstr(r.data, "fds=") + 4;
    int count = 0;
    for (const char *p = fds; *p; p++) count += *p == ',';
    assert_int_equal(count, 4);
    unsigned need = PA_LAYER_RLIMITS | PA_LAYER_CLOSE_FDS | PA_LAYER_NO_NEW_PRIVS | PA_LAYER_CAPS_DROPPED | PA_LAYER_SECCOMP;
    assert_int_equal(r.layers & need, need);
    free(r.data);
}

static void test_deadline_kills(void **st) {
    (void)st;
    pa_child_fn fns[2] = {p_hang, p_sleep};
    for (int i = 0; i < 2; i++) {
        pa_child_result r = run(fns[i], 0.5, NULL);
        assert_true(r.deadline);
        assert_false(r.exited);
        assert_int_equal(r.signal, SIGKILL);
        assert_true(r.elapsed_ms >= 500 && r.elapsed_ms < 800);
        free(r.data);
    }
}

/* Set-up that takes a while: preopen runs in the child before it confines
** itself and reports its layers, so it stands for a slow start. */
static int g_setup_ms;
static int slow_preopen(void) {
    struct timespec ts = {g_setup_ms / 1000, (long)(g_setup_ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) && errno == EINTR) {}
    return -1;
}

/* A hanging child with a set-up of setup_ms under a 0.5 s deadline: it is
** killed at the deadline, confined or not, within [lo_ms, hi_ms). */
static void expect_killed(int setup_ms, bool confined, double lo_ms, double hi_ms) {
    pa_confine_opts co = {.cpu_seconds = 30, .file_bytes = 1 << 20, .preopen = slow_preopen};
    pa_child_result r;
    char err[256];
    g_setup_ms = setup_ms;
    assert_int_equal(pa_child_run(&co, 0.5, p_hang, NULL, &r, err, sizeof err), 0);
    assert_int_equal(r.confined, confined);
    assert_true(r.deadline);
    assert_int_equal(r.signal, SIGKILL);
    assert_true(r.elapsed_ms >= lo_ms && r.elapsed_ms < hi_ms);
    free(r.data);
}

/* The deadline is two windows: a slow set-up does not eat into the run's
** window, and a set-up that never ends is cut off by its own. */
static void test_deadline_windows(void **st) {
    (void)st;
    expect_killed(400, true, 900, 1300);  /* set-up within its window: the run still gets 0.5 s */
    expect_killed(5000, false, 500, 900); /* set-up past its window: killed before it confined */
}

static int setup(void **st) {
    (void)st;
    snprintf(g_state, sizeof g_state, "/tmp/pa-sandbox-test-XXXXXX");
    return mkdtemp(g_state) ? 0 : -1;
}

static int teardown(void **st) {
    (void)st;
    char path[300];
    snprintf(path, sizeof path, "%s/written", g_state);
    unlink(path);
    rmdir(g_state);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_files_hidden),
        cmocka_unit_test(test_state_dir_only),
        cmocka_unit_test(test_forbidden_syscalls_kill),
        cmocka_unit_test(test_limits_and_fds),
        cmocka_unit_test(test_deadline_kills),
        cmocka_unit_test(test_deadline_windows),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
