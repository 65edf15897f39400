/*
** child.c — a confined child under a supervising parent (child.h).
**
** The parent waits on a pidfd and the report pipe with poll(), so the
** deadline is a timeout of the parent's own, measured on CLOCK_MONOTONIC,
** however busy the machine or the child is.  The pipe is drained as it
** fills, so a large report never deadlocks a child blocked in write().
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CONFINE_FAILED 0xFFFFFFFFu
#define MAX_REPORT ((size_t)256 << 20)

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void write_all(int fd, const void *p, size_t n) {
    const char *b = p;
    while (n) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        b += w;
        n -= (size_t)w;
    }
}

static _Noreturn void child_main(const pa_confine_opts *opts, unsigned spawned, int rfd,
                                 pa_child_fn fn, void *ud) {
    int keep[64];
    size_t n = 0;
    for (size_t i = 0; i < opts->nkeep && n < 63; i++)
        if (opts->keep_fds[i] >= 0) keep[n++] = opts->keep_fds[i];
    keep[n++] = rfd;
    if (opts->preopen) {
        int fd = opts->preopen();
        if (fd >= 0) keep[n++] = fd;
    }
    pa_confine_opts o = *opts;
    o.keep_fds = keep;
    o.nkeep = n;
    o.spawned_layers = spawned;
    char err[512];
    unsigned layers = 0;
    if (pa_confine(&o, &layers, err, sizeof err)) {
        uint32_t tag = CONFINE_FAILED;
        write_all(rfd, &tag, 4);
        write_all(rfd, err, strlen(err));
        _exit(127);
    }
    uint32_t tag = layers;
    write_all(rfd, &tag, 4);
    int rc = fn(ud, rfd, layers);
    /* _exit: no atexit handlers (e.g. a leak checker that would need
    ** syscalls the filter forbids) run in a confined process. */
    _exit(rc & 0xFF);
}

static int append(pa_child_result *r, size_t *cap, const char *p, size_t n) {
    if (r->len + n > MAX_REPORT) return -1;
    if (r->len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 4096;
        while (c < r->len + n + 1) c *= 2;
        char *d = realloc(r->data, c);
        if (!d) return -1;
        r->data = d;
        *cap = c;
    }
    memcpy(r->data + r->len, p, n);
    r->len += n;
    r->data[r->len] = 0;
    return 0;
}

int pa_child_run(const pa_confine_opts *opts, double deadline_s, pa_child_fn fn, void *ud,
                 pa_child_result *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    int p[2];
    if (pipe2(p, O_CLOEXEC)) {
        snprintf(err, errlen, "pipe: %s", strerror(errno));
        return -1;
    }
    fflush(NULL); /* nothing buffered may be written twice */
    double t0 = now_ms();
    unsigned spawned = 0;
    pid_t pid = pa_sandbox_spawn(&spawned);
    if (pid < 0) {
        snprintf(err, errlen, "cannot start a sandbox process: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid == 0) {
        close(p[0]);
        child_main(opts, spawned, p[1], fn, ud);
    }
    close(p[1]);
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    size_t cap = 0;
    int pipe_open = 1, done = 0, status = 0, confined = 0;
    /* Two windows of deadline_s each: set-up until the child reports its
    ** layers, then the run from that report.  A machine too busy to let 50
    ** children confine themselves quickly must not spend their run's limit
    ** on it; each window is still a hard bound. */
    double deadline = deadline_s > 0 ? t0 + deadline_s * 1e3 : 0;
    while (!done) {
        struct pollfd pf[2] = {{pidfd, POLLIN, 0}, {pipe_open ? p[0] : -1, POLLIN, 0}};
        int wait_ms = -1;
        if (deadline) {
            double left = deadline - now_ms();
            wait_ms = left <= 0 ? 0 : (int)left + 1;
        }
        if (pidfd < 0) wait_ms = wait_ms < 0 || wait_ms > 10 ? 10 : wait_ms; /* no pidfd: poll waitpid */
        int n = poll(pf, 2, wait_ms);
        if (n < 0 && errno != EINTR) break;
        if (pipe_open && (pf[1].revents & (POLLIN | POLLHUP))) {
            char buf[65536];
            ssize_t r = read(p[0], buf, sizeof buf);
            if (r > 0) {
                if (append(out, &cap, buf, (size_t)r)) { kill(pid, SIGKILL); pipe_open = 0; }
                if (!confined && out->len >= 4) {
                    confined = 1;
                    if (deadline && !out->deadline) deadline = now_ms() + deadline_s * 1e3;
                }
            } else if (r == 0 || errno != EINTR) {
                pipe_open = 0;
            }
        }
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            /* Drain what the child wrote just before exiting. */
            char buf[65536];
            ssize_t r;
            while (pipe_open && (r = read(p[0], buf, sizeof buf)) > 0)
                if (append(out, &cap, buf, (size_t)r)) break;
            done = 1;
        } else if (deadline && now_ms() >= deadline && !out->deadline) {
            kill(pid, SIGKILL);
            out->deadline = true;
        }
    }
    out->elapsed_ms = now_ms() - t0;
    if (pidfd >= 0) close(pidfd);
    close(p[0]);
    if (!done) { /* poll failed: make sure the child is gone */
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    if (WIFEXITED(status)) {
        out->exited = true;
        out->status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        out->signal = WTERMSIG(status);
    }
    /* Split the layer word off the report. */
    if (out->len >= 4) {
        uint32_t tag;
        memcpy(&tag, out->data, 4);
        memmove(out->data, out->data + 4, out->len - 4);
        out->len -= 4;
        out->data[out->len] = 0;
        out->confined = tag != CONFINE_FAILED;
        out->layers = out->confined ? tag : 0;
    }
    return 0;
}
