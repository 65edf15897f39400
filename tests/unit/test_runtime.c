/*
** test_runtime.c — the engine's C API end to end (src/runtime/pa_runtime.h):
** a real translated CPython, persistence across calls, every outcome kind,
** limits, and traps that must leave the host process standing.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "runtime/pa_runtime.h"

static pa_instance *shared;

static int setup(void **state) {
    (void)state;
    char err[256];
    if (pa_instance_new(NULL, &shared, err, sizeof err) != 0) {
        fprintf(stderr, "pa_instance_new: %s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state) {
    (void)state;
    pa_instance_free(shared);
    return 0;
}

static void run_in(pa_instance *in, const char *code, double timeout, pa_result *r) {
    pa_exec_request req = {.code = code, .code_len = strlen(code), .timeout_s = timeout};
    assert_int_equal(pa_instance_exec(in, &req, r), 0);
}

static void run(const char *code, pa_result *r) { run_in(shared, code, 10, r); }

static void test_print(void **state) {
    (void)state;
    pa_result r;
    run("print(6 * 7)", &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_int_equal(r.exit_code, 0);
    assert_string_equal(r.out.data, "42\n");
    assert_string_equal(r.err.data, "");
    assert_null(r.error_type);
    assert_true(r.duration_ms > 0);
    pa_result_free(&r);
}

static void test_persistence(void **state) {
    (void)state;
    pa_result r;
    run("import math\nx = 41\ndef f(a): return a + x\nclass C:\n    v = 'kept'\n", &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    pa_result_free(&r);
    run("print(f(1), math.pi > 3, C.v, __name__)", &r);
    assert_string_equal(r.out.data, "42 True kept __main__\n");
    pa_result_free(&r);
}

static void test_exception_keeps_state(void **state) {
    (void)state;
    pa_result r;
    run("y = 5\n1/0", &r);
    assert_int_equal(r.status, PA_STATUS_ERROR);
    assert_int_equal(r.exit_code, 1);
    assert_string_equal(r.error_type, "ZeroDivisionError");
    assert_string_equal(r.error_message, "division by zero");
    assert_non_null(strstr(r.traceback, "Traceback (most recent call last):"));
    assert_non_null(strstr(r.traceback, "ZeroDivisionError: division by zero"));
    assert_non_null(strstr(r.err.data, "ZeroDivisionError: division by zero"));
    pa_result_free(&r);
    run("print(y)", &r);
    assert_string_equal(r.out.data, "5\n");
    pa_result_free(&r);
}

static void test_syntax_error(void **state) {
    (void)state;
    pa_result r;
    run("x = (1,", &r);
    assert_int_equal(r.status, PA_STATUS_ERROR);
    assert_string_equal(r.error_type, "SyntaxError");
    pa_result_free(&r);
}

static void test_system_exit(void **state) {
    (void)state;
    pa_result r;
    run("import sys\nprint('before')\nsys.exit(3)", &r);
    assert_int_equal(r.status, PA_STATUS_ERROR);
    assert_int_equal(r.exit_code, 3);
    assert_string_equal(r.error_type, "SystemExit");
    assert_string_equal(r.out.data, "before\n");
    pa_result_free(&r);
    run("import sys\nsys.exit(0)", &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_int_equal(r.exit_code, 0);
    pa_result_free(&r);
    run("import sys\nsys.exit('bye')", &r);
    assert_int_equal(r.exit_code, 1);
    assert_string_equal(r.err.data, "bye\n");
    pa_result_free(&r);
}

static void test_stdin(void **state) {
    (void)state;
    pa_result r;
    const char *code = "import sys\nprint(input().upper())\nprint(sys.stdin.read())";
    pa_exec_request req = {.code = code, .code_len = strlen(code),
                           .stdin_data = (const uint8_t *)"abc\nrest", .stdin_len = 8, .timeout_s = 10};
    pa_instance_exec(shared, &req, &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_string_equal(r.out.data, "ABC\nrest\n");
    pa_result_free(&r);
}

static void test_output_cap(void **state) {
    (void)state;
    pa_result r;
    const char *code = "print('x' * 5000)";
    pa_exec_request req = {.code = code, .code_len = strlen(code), .output_cap = 1000, .timeout_s = 10};
    pa_instance_exec(shared, &req, &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_true(r.out.truncated);
    assert_int_equal(r.out.len, 1000 + strlen("\n[output truncated]\n"));
    assert_memory_equal(r.out.data + 1000, "\n[output truncated]\n", 20);
    assert_false(r.err.truncated);
    pa_result_free(&r);
}

static void test_sandbox_files(void **state) {
    (void)state;
    pa_result r;
    run("try:\n open('/etc/passwd')\nexcept FileNotFoundError: print('nf')\n"
        "try:\n open('/x.txt', 'w')\nexcept PermissionError: print('perm')\n"
        "open('/tmp/a.txt', 'w').write('hi')\nprint(open('/tmp/a.txt').read())", &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_string_equal(r.out.data, "nf\nperm\nhi\n");
    pa_result_free(&r);
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static pa_instance *fresh(unsigned memory_mb) {
    pa_instance_config cfg = {.memory_mb = memory_mb};
    pa_instance *in;
    char err[256];
    assert_int_equal(pa_instance_new(&cfg, &in, err, sizeof err), 0);
    return in;
}

static void test_timeout_loop(void **state) {
    (void)state;
    pa_instance *in = fresh(0);
    pa_result r;
    double t0 = now_s();
    run_in(in, "while True: pass", 0.5, &r);
    double dt = now_s() - t0;
    assert_int_equal(r.status, PA_STATUS_TIMEOUT);
    assert_int_equal(r.exit_code, PA_EXIT_TIMEOUT);
    assert_string_equal(r.error_type, "Timeout");
    assert_true(dt >= 0.5 && dt < 1.5);
    pa_result_free(&r);
    /* The interpreter was stopped mid-instruction: it is dead now. */
    run_in(in, "print(1)", 1, &r);
    assert_int_equal(r.status, PA_STATUS_KILLED);
    pa_result_free(&r);
    pa_instance_free(in);
}

static void test_timeout_sleep(void **state) {
    (void)state;
    pa_instance *in = fresh(0);
    pa_result r;
    double t0 = now_s();
    run_in(in, "import time\nprint('a', flush=True)\ntime.sleep(30)", 0.5, &r);
    double dt = now_s() - t0;
    assert_int_equal(r.status, PA_STATUS_TIMEOUT);
    assert_string_equal(r.out.data, "a\n");
    assert_true(dt >= 0.5 && dt < 1.5);
    pa_result_free(&r);
    pa_instance_free(in);
}

static void test_memory_limit(void **state) {
    (void)state;
    pa_instance *in = fresh(64);
    pa_result r;
    run_in(in, "x = bytearray(200 * 1024 * 1024)", 10, &r);
    assert_int_equal(r.status, PA_STATUS_MEMORY_LIMIT);
    assert_int_equal(r.exit_code, PA_EXIT_MEMORY);
    assert_string_equal(r.error_type, "MemoryError");
    pa_result_free(&r);
    /* A MemoryError is an ordinary exception: the interpreter lives on. */
    run_in(in, "try:\n b = bytearray(200*1024*1024)\nexcept MemoryError: print('caught')", 10, &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_string_equal(r.out.data, "caught\n");
    pa_result_free(&r);
    pa_instance_free(in);
}

static void test_trap_abort(void **state) {
    (void)state;
    pa_instance *in = fresh(0);
    pa_result r;
    run_in(in, "import os\nos.abort()", 10, &r);
    assert_int_equal(r.status, PA_STATUS_KILLED);
    assert_int_equal(r.exit_code, PA_EXIT_KILLED);
    assert_string_equal(r.error_type, "Trap");
    assert_string_equal(r.error_message, "unreachable executed");
    pa_result_free(&r);
    pa_instance_free(in);
}

static void test_proc_exit(void **state) {
    (void)state;
    pa_instance *in = fresh(0);
    pa_result r;
    run_in(in, "import os\nprint('x', flush=True)\nos._exit(7)", 10, &r);
    assert_int_equal(r.status, PA_STATUS_ERROR);
    assert_int_equal(r.exit_code, 7);
    assert_string_equal(r.out.data, "x\n");
    pa_result_free(&r);
    pa_instance_free(in);
}

static void test_recursion(void **state) {
    (void)state;
    pa_result r;
    run("def f(n): return f(n + 1)\nf(0)", &r);
    assert_int_equal(r.status, PA_STATUS_ERROR);
    assert_string_equal(r.error_type, "RecursionError");
    pa_result_free(&r);
    run("import sys\nprint(sys.getrecursionlimit())\ndef g(n): return 0 if n == 0 else 1 + g(n - 1)\nprint(g(990))", &r);
    assert_string_equal(r.out.data, "1000\n990\n");
    pa_result_free(&r);
}

/* C-level recursion with the limit lifted exhausts the (small) native stack
** of this thread: that must be a trap, not a crash of the test process. */
static void *small_stack_run(void *arg) {
    pa_result *r = arg;
    pa_instance *in = fresh(0);
    run_in(in, "import sys\nsys.setrecursionlimit(10**8)\nl = []\n"
               "for i in range(10**6): l = [l]\nrepr(l)", 20, r);
    pa_instance_free(in);
    return NULL;
}

/* The same with a host call (print -> fd_write) at every level: the native
** stack runs out while host code is about to run.  That must also be a trap
** (pa_rt_host_enter's headroom check), never a crash in host code. */
static void *small_stack_host_calls(void *arg) {
    pa_result *r = arg;
    pa_instance *in = fresh(0);
    run_in(in, "import sys\nsys.setrecursionlimit(10**8)\n"
               "class N:\n"
               "    def __init__(self, n): self.n = n\n"
               "    def __repr__(self):\n"
               "        print('.', end='', flush=True)\n"
               "        return '(' + repr(self.n) + ')'\n"
               "n = None\nfor _ in range(10**6): n = N(n)\nrepr(n)", 20, r);
    pa_instance_free(in);
    return NULL;
}

static void run_on_small_stack(void *(*fn)(void *), pa_result *r) {
    pthread_attr_t attr;
    pthread_t th;
    memset(r, 0, sizeof *r);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 2u << 20);
    assert_int_equal(pthread_create(&th, &attr, fn, r), 0);
    pthread_join(th, NULL);
    pthread_attr_destroy(&attr);
}

static void test_native_stack_exhaustion(void **state) {
    (void)state;
    pa_result r;
    run_on_small_stack(small_stack_run, &r);
    assert_int_equal(r.status, PA_STATUS_KILLED);
    assert_string_equal(r.error_type, "Trap");
    assert_string_equal(r.error_message, "call stack exhausted");
    pa_result_free(&r);
    run_on_small_stack(small_stack_host_calls, &r);
    assert_int_equal(r.status, PA_STATUS_KILLED);
    assert_string_equal(r.error_message, "call stack exhausted");
    assert_true(r.out.len > 100); /* it got deep, printing all the way */
    pa_result_free(&r);
}

/* User code can replace builtins.compile; the driver must keep using the
** real one (and never evaluate something that is not a code object). */
static void test_builtins_compile_replaced(void **state) {
    (void)state;
    pa_instance *in = fresh(0);
    pa_result r;
    run_in(in, "import builtins\nbuiltins.compile = lambda *a, **k: 42", 10, &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    pa_result_free(&r);
    run_in(in, "print('fine')", 10, &r);
    assert_int_equal(r.status, PA_STATUS_OK);
    assert_string_equal(r.out.data, "fine\n");
    pa_result_free(&r);
    pa_instance_free(in);
}

static void test_instances_are_isolated(void **state) {
    (void)state;
    pa_instance *a = fresh(0), *b = fresh(0);
    pa_result r;
    run_in(a, "secret = 'a-only'\nopen('/tmp/f', 'w').write('a')", 10, &r);
    pa_result_free(&r);
    run_in(b, "import os\nprint('secret' in globals(), os.listdir('/tmp'))", 10, &r);
    assert_string_equal(r.out.data, "False []\n");
    pa_result_free(&r);
    pa_instance_free(a);
    pa_instance_free(b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_persistence),
        cmocka_unit_test(test_exception_keeps_state),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_system_exit),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_output_cap),
        cmocka_unit_test(test_sandbox_files),
        cmocka_unit_test(test_timeout_loop),
        cmocka_unit_test(test_timeout_sleep),
        cmocka_unit_test(test_memory_limit),
        cmocka_unit_test(test_trap_abort),
        cmocka_unit_test(test_proc_exit),
        cmocka_unit_test(test_recursion),
        cmocka_unit_test(test_native_stack_exhaustion),
        cmocka_unit_test(test_builtins_compile_replaced),
        cmocka_unit_test(test_instances_are_isolated),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
