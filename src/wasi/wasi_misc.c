/*
** wasi_misc.c — the imports that are not about files: arguments and
** environment, clocks, randomness, process control, scheduling, sockets.
**
** The guest sees argv = ["python"] and an empty environment: nothing about
** the host leaks through them.  Clocks map one-to-one onto the host's POSIX
** clocks (the monotonic one is also what poll_oneoff sleeps on, so
** deadlines computed by the guest agree with ours).  Sockets do not exist.
**
** proc_exit is the only import not bracketed by host_enter/host_leave: its
** whole body is pa_rt_proc_exit(), which never returns, so a bracket could
** never be closed and would leave the runtime's nesting count raised.
*/
#include "wasi_impl.h"

#include <pthread.h>

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

static const char *const guest_argv[] = {"python"};
#define GUEST_ARGC (sizeof guest_argv / sizeof guest_argv[0])

/* A NUL-separated string vector (argv or environ) in wasi-libc's format:
** `count` pointers at vec_ptr, the strings back to back at buf_ptr. */
static uint32_t vec_sizes(pa_wasi *w, const char *const *v, uint32_t n,
                          uint32_t count_ptr, uint32_t size_ptr) {
    uint32_t size = 0;
    for (uint32_t i = 0; i < n; i++) size += (uint32_t)strlen(v[i]) + 1;
    if (!pa_mem(w, count_ptr, 4) || !pa_mem(w, size_ptr, 4))
        return PA_WASI_EFAULT;
    pa_store_u32(w, count_ptr, n);
    return pa_store_u32(w, size_ptr, size);
}

static uint32_t vec_get(pa_wasi *w, const char *const *v, uint32_t n,
                        uint32_t vec_ptr, uint32_t buf_ptr) {
    uint32_t size = 0;
    for (uint32_t i = 0; i < n; i++) size += (uint32_t)strlen(v[i]) + 1;
    uint8_t *vec = pa_mem(w, vec_ptr, (uint64_t)n * 4);
    uint8_t *buf = pa_mem(w, buf_ptr, size);
    if (!vec || !buf) return PA_WASI_EFAULT;
    uint32_t off = 0;
    for (uint32_t i = 0; i < n; i++) {
        size_t len = strlen(v[i]) + 1;
        memcpy(buf + off, v[i], len);
        pa_put_u32(vec + 4 * i, buf_ptr + off);
        off += (uint32_t)len;
    }
    return PA_WASI_ESUCCESS;
}

/* Both CPU clocks are the calling thread's (the guest's), and count from
** the start of the current call: the process may be a pool worker that has
** served other runs, whose CPU time is not this guest's business. */
static bool host_clock(uint32_t id, clockid_t *out) {
    switch (id) {
    case PA_CLOCK_REALTIME: *out = CLOCK_REALTIME; return true;
    case PA_CLOCK_MONOTONIC: *out = CLOCK_MONOTONIC; return true;
    case PA_CLOCK_PROCESS_CPUTIME:
    case PA_CLOCK_THREAD_CPUTIME: *out = CLOCK_THREAD_CPUTIME_ID; return true;
    default: return false;
    }
}

static int64_t g_mono_shift;
static pthread_once_t g_mono_once = PTHREAD_ONCE_INIT;

static void mono_init(void) {
    struct timespec m, r;
    clock_gettime(CLOCK_MONOTONIC, &m);
    clock_gettime(CLOCK_REALTIME, &r);
    /* Seconds since 2020 or so: well away from zero and from overflow. */
    int64_t real = (int64_t)r.tv_sec * 1000000000 + r.tv_nsec - INT64_C(1577836800000000000);
    int64_t mono = (int64_t)m.tv_sec * 1000000000 + m.tv_nsec;
    g_mono_shift = (real > 0 ? real : 0) - mono;
}

uint64_t pa_wasi_mono_to_guest(uint64_t host_ns) {
    pthread_once(&g_mono_once, mono_init);
    int64_t v = (int64_t)host_ns + g_mono_shift;
    return v > 0 ? (uint64_t)v : 0;
}

uint64_t pa_wasi_mono_to_host(uint64_t guest_ns) {
    pthread_once(&g_mono_once, mono_init);
    if (guest_ns > (uint64_t)INT64_MAX) return UINT64_MAX; /* "never" stays never */
    int64_t v = (int64_t)guest_ns - g_mono_shift;
    return v > 0 ? (uint64_t)v : 0;
}

void pa_wasi_begin_call(pa_wasi *w) {
    struct timespec ts;
    w->cpu_base = clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0 && ts.tv_sec >= 0
                      ? (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec : 0;
}

static uint64_t ts_ns(const struct timespec *ts) {
    if (ts->tv_sec < 0) return 0;
    return (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
}

static uint32_t clock_res_get(pa_wasi *w, uint32_t id, uint32_t res_ptr) {
    clockid_t c;
    struct timespec ts;
    if (!host_clock(id, &c)) return PA_WASI_EINVAL;
    if (!pa_mem(w, res_ptr, 8)) return PA_WASI_EFAULT;
    if (clock_getres(c, &ts) != 0) return PA_WASI_EINVAL;
    uint64_t ns = ts_ns(&ts);
    return pa_store_u64(w, res_ptr, ns ? ns : 1);
}

static uint32_t clock_time_get(pa_wasi *w, uint32_t id, uint64_t precision,
                               uint32_t time_ptr) {
    clockid_t c;
    struct timespec ts;
    (void)precision; /* we always give the best we have */
    if (!host_clock(id, &c)) return PA_WASI_EINVAL;
    if (!pa_mem(w, time_ptr, 8)) return PA_WASI_EFAULT;
    if (clock_gettime(c, &ts) != 0) return PA_WASI_EINVAL;
    uint64_t ns = ts_ns(&ts);
    if (id == PA_CLOCK_MONOTONIC) ns = pa_wasi_mono_to_guest(ns);
    else if (id != PA_CLOCK_REALTIME) ns = ns > w->cpu_base ? ns - w->cpu_base : 0;
    return pa_store_u64(w, time_ptr, ns);
}

static uint32_t random_get(pa_wasi *w, uint32_t buf_ptr, uint32_t len) {
    uint8_t *buf = pa_mem(w, buf_ptr, len);
    if (!buf) return PA_WASI_EFAULT;
    /* getrandom(2) returns at most 32 MiB per call and may be interrupted
    ** by the runtime's signals; loop until the buffer is full.  A guest can
    ** ask for gigabytes, so go in 1 MiB steps and give up early if the
    ** call is being abandoned. */
    size_t done = 0;
    while (done < len) {
        if (pa_rt_interrupt_pending()) return PA_WASI_EINTR;
        size_t step = len - done < ((size_t)1 << 20) ? len - done
                                                     : (size_t)1 << 20;
        ssize_t r = getrandom(buf + done, step, 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            return PA_WASI_EIO;
        }
        done += (size_t)r;
    }
    return PA_WASI_ESUCCESS;
}

/* ---- the imports ---- */

uint32_t Z_wasi_snapshot_preview1Z_args_sizes_get(pa_wasi *w, uint32_t argc,
                                                  uint32_t size)
PA_HOSTCALL(vec_sizes(w, guest_argv, GUEST_ARGC, argc, size))

uint32_t Z_wasi_snapshot_preview1Z_args_get(pa_wasi *w, uint32_t argv,
                                            uint32_t buf)
PA_HOSTCALL(vec_get(w, guest_argv, GUEST_ARGC, argv, buf))

uint32_t Z_wasi_snapshot_preview1Z_environ_sizes_get(pa_wasi *w,
                                                     uint32_t count,
                                                     uint32_t size)
PA_HOSTCALL(vec_sizes(w, NULL, 0, count, size))

uint32_t Z_wasi_snapshot_preview1Z_environ_get(pa_wasi *w, uint32_t environ,
                                               uint32_t buf)
PA_HOSTCALL(vec_get(w, NULL, 0, environ, buf))

uint32_t Z_wasi_snapshot_preview1Z_clock_res_get(pa_wasi *w, uint32_t id,
                                                 uint32_t res)
PA_HOSTCALL(clock_res_get(w, id, res))

uint32_t Z_wasi_snapshot_preview1Z_clock_time_get(pa_wasi *w, uint32_t id,
                                                  uint64_t precision,
                                                  uint32_t time)
PA_HOSTCALL(clock_time_get(w, id, precision, time))

uint32_t Z_wasi_snapshot_preview1Z_random_get(pa_wasi *w, uint32_t buf,
                                              uint32_t len)
PA_HOSTCALL(random_get(w, buf, len))

uint32_t Z_wasi_snapshot_preview1Z_sched_yield(pa_wasi *w) {
    (void)w;
    pa_rt_host_enter();
    sched_yield();
    pa_rt_host_leave();
    return PA_WASI_ESUCCESS;
}

void Z_wasi_snapshot_preview1Z_proc_exit(pa_wasi *w, uint32_t code) {
    (void)w;
    pa_rt_proc_exit(code);
}

uint32_t Z_wasi_snapshot_preview1Z_proc_raise(pa_wasi *w, uint32_t sig)
PA_HOSTCALL(((void)w, (void)sig, (uint32_t)PA_WASI_ENOSYS))

/* Sockets: out-of-range pointers are still EFAULT, so every import keeps
** the same contract; anything valid is ENOTSUP. */
static uint32_t sock_accept(pa_wasi *w, uint32_t fd_out) {
    return pa_mem(w, fd_out, 4) ? PA_WASI_ENOTSUP : PA_WASI_EFAULT;
}

static uint32_t sock_recv(pa_wasi *w, uint32_t iovs, uint32_t n,
                          uint32_t len_out, uint32_t flags_out) {
    pa_iov v[PA_WASI_MAX_IOVS];
    uint32_t total;
    uint32_t rc = pa_mem_iovs(w, iovs, n, v, &total);
    if (rc) return rc;
    if (!pa_mem(w, len_out, 4) || !pa_mem(w, flags_out, 2))
        return PA_WASI_EFAULT;
    return PA_WASI_ENOTSUP;
}

static uint32_t sock_send(pa_wasi *w, uint32_t iovs, uint32_t n,
                          uint32_t len_out) {
    pa_iov v[PA_WASI_MAX_IOVS];
    uint32_t total;
    uint32_t rc = pa_mem_iovs(w, iovs, n, v, &total);
    if (rc) return rc;
    return pa_mem(w, len_out, 4) ? PA_WASI_ENOTSUP : PA_WASI_EFAULT;
}

uint32_t Z_wasi_snapshot_preview1Z_sock_accept(pa_wasi *w, uint32_t fd,
                                               uint32_t flags,
                                               uint32_t fd_out)
PA_HOSTCALL(((void)fd, (void)flags, sock_accept(w, fd_out)))

uint32_t Z_wasi_snapshot_preview1Z_sock_recv(pa_wasi *w, uint32_t fd,
                                             uint32_t ri_data,
                                             uint32_t ri_len,
                                             uint32_t ri_flags,
                                             uint32_t ro_datalen,
                                             uint32_t ro_flags)
PA_HOSTCALL(((void)fd, (void)ri_flags,
             sock_recv(w, ri_data, ri_len, ro_datalen, ro_flags)))

uint32_t Z_wasi_snapshot_preview1Z_sock_send(pa_wasi *w, uint32_t fd,
                                             uint32_t si_data,
                                             uint32_t si_len,
                                             uint32_t si_flags,
                                             uint32_t so_datalen)
PA_HOSTCALL(((void)fd, (void)si_flags,
             sock_send(w, si_data, si_len, so_datalen)))

uint32_t Z_wasi_snapshot_preview1Z_sock_shutdown(pa_wasi *w, uint32_t fd,
                                                 uint32_t how)
PA_HOSTCALL(((void)w, (void)fd, (void)how, (uint32_t)PA_WASI_ENOTSUP))
