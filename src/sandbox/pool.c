/*
** pool.c — the supervisor side of the worker pool (contract in pool.h).
**
** Each worker slot has its own mutex, held for the length of a run: a slot
** serves one run at a time.  A fresh run takes the first idle slot (waiting
** on the pool's condition variable when all are busy); a session run waits
** for its own slot.  Reading a worker's answer is bounded by the run's
** deadline (poll on the socket), and every frame from a worker is decoded
** as hostile input.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "confine.h"
#include "proto.h"
#include "session/store.h"

#define DEFAULT_OUTPUT_CAP ((size_t)1 << 20)
#define HELLO_TIMEOUT_MS 30000
#define TRUNC_MARKER "\n[output truncated]\n"

typedef struct slot {
    pthread_mutex_t run;     /* held for a whole run */
    bool busy;               /* under the pool lock: picked for a run */
    unsigned waiters;        /* session runs waiting for this slot */
    pthread_cond_t freed;    /* ... and where they wait */
    pid_t pid;
    int fd;                  /* socket to the worker; -1 if none */
} slot;

struct pa_pool {
    pa_pool_config cfg;
    char *exe, *image, *sessions;
    unsigned n;
    slot *slots;
    pthread_mutex_t lock;
    pthread_cond_t idle;     /* fresh runs wait here for any free slot */
    bool closing;
    unsigned layers;
    uint64_t replaced;
};

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- workers -------------------------------------------------------------------- */

static void stop_worker(slot *s) {
    if (s->pid > 0) {
        kill(s->pid, SIGKILL);
        while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR) {}
    }
    if (s->fd >= 0) close(s->fd);
    s->pid = 0;
    s->fd = -1;
}

/* Read one frame, giving up at `deadline` (ms, CLOCK_MONOTONIC; 0 = none). */
static int read_frame(int fd, double deadline, uint32_t *type, uint8_t **p, size_t *n) {
    struct pollfd pf = {fd, POLLIN, 0};
    int wait = -1;
    if (deadline) {
        double left = deadline - now_ms();
        if (left <= 0) return -2;
        wait = (int)left + 1;
    }
    int r = poll(&pf, 1, wait);
    if (r == 0) return -2;
    if (r < 0) return -1;
    /* The frame may still arrive in pieces; a worker that stalls mid-frame
    ** is caught by the receive timeout set at spawn. */
    return pa_frame_read(fd, type, p, n, PA_FRAME_MAX);
}

static int start_worker(pa_pool *p, slot *s, char *err, size_t errlen) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
        snprintf(err, errlen, "socketpair: %s", strerror(errno));
        return -1;
    }
    unsigned layers = 0;
    char a_layers[16], a_mem[16];
    pid_t pid = pa_sandbox_spawn(&layers);
    if (pid < 0) {
        snprintf(err, errlen, "cannot start a worker: %s", strerror(errno));
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (pid == 0) {
        /* A fresh program, not a copy of the supervisor's memory. */
        char why[256];
        if ((layers & PA_LAYER_USERNS) && pa_sandbox_map_ids(why, sizeof why)) {
            (void)!write(2, why, strlen(why));
            _exit(127);
        }
        snprintf(a_layers, sizeof a_layers, "%u", layers);
        snprintf(a_mem, sizeof a_mem, "%u", (unsigned)p->cfg.max_memory_mb);
        if (dup2(sv[1], 3) != 3) _exit(127);
        char *argv[] = {"polyagent", "worker", "--fd", "3", "--layers", a_layers,
                        "--image", p->image, "--memory-mb", a_mem,
                        p->sessions ? "--sessions" : NULL, p->sessions, NULL};
        char *envp[] = {NULL};
        execve(p->exe, argv, envp);
        _exit(127);
    }
    close(sv[1]);
    /* A worker that stalls in the middle of a frame must not hang us. */
    struct timeval tv = {5, 0};
    setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    s->pid = pid;
    s->fd = sv[0];
    uint32_t type;
    uint8_t *hello = NULL;
    size_t n = 0;
    int rc = read_frame(s->fd, now_ms() + HELLO_TIMEOUT_MS, &type, &hello, &n);
    if (rc || type != PA_FRAME_HELLO || n != 4) {
        free(hello);
        stop_worker(s);
        snprintf(err, errlen, "a worker failed to start (see its message above)");
        return -1;
    }
    uint32_t l = (uint32_t)hello[0] | (uint32_t)hello[1] << 8 | (uint32_t)hello[2] << 16 | (uint32_t)hello[3] << 24;
    free(hello);
    pthread_mutex_lock(&p->lock);
    p->layers = l;
    pthread_mutex_unlock(&p->lock);
    return 0;
}

int pa_pool_open(const pa_pool_config *cfg, pa_pool **out, char *err, size_t errlen) {
    *out = NULL;
    pa_pool *p = calloc(1, sizeof *p);
    if (!p) { snprintf(err, errlen, "out of memory"); return -1; }
    p->cfg = *cfg;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    p->n = cfg->workers ? cfg->workers : (unsigned)(ncpu > 0 ? ncpu : 1);
    if (!p->cfg.max_memory_mb) p->cfg.max_memory_mb = 512;
    if (p->cfg.grace_s <= 0) p->cfg.grace_s = 0.1;
    p->exe = strdup(cfg->exe);
    p->image = strdup(cfg->image_path);
    p->sessions = cfg->sessions_dir ? strdup(cfg->sessions_dir) : NULL;
    p->slots = calloc(p->n, sizeof *p->slots);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->idle, NULL);
    if (!p->exe || !p->image || !p->slots || (cfg->sessions_dir && !p->sessions)) {
        snprintf(err, errlen, "out of memory");
        pa_pool_close(p);
        return -1;
    }
    for (unsigned i = 0; i < p->n; i++) {
        p->slots[i].fd = -1;
        pthread_mutex_init(&p->slots[i].run, NULL);
        pthread_cond_init(&p->slots[i].freed, NULL);
    }
    for (unsigned i = 0; i < p->n; i++)
        if (start_worker(p, &p->slots[i], err, errlen)) {
            pa_pool_close(p);
            return -1;
        }
    *out = p;
    return 0;
}

void pa_pool_close(pa_pool *p) {
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    p->closing = true;
    pthread_cond_broadcast(&p->idle);
    for (unsigned i = 0; p->slots && i < p->n; i++) pthread_cond_broadcast(&p->slots[i].freed);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; p->slots && i < p->n; i++) {
        pthread_mutex_lock(&p->slots[i].run); /* wait for its run to end */
        stop_worker(&p->slots[i]);
        pthread_mutex_unlock(&p->slots[i].run);
        pthread_mutex_destroy(&p->slots[i].run);
        pthread_cond_destroy(&p->slots[i].freed);
    }
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->idle);
    free(p->slots);
    free(p->exe);
    free(p->image);
    free(p->sessions);
    free(p);
}

unsigned pa_pool_layers(const pa_pool *p) { return p->layers; }
uint64_t pa_pool_replaced(const pa_pool *p) { return p->replaced; }

/* ---- runs --------------------------------------------------------------------------- */

static uint32_t fnv1a(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* Waiting is targeted, not a stampede: a session run waits on its slot's
** condition, a fresh run on the pool's, and a freed slot wakes one waiter
** that can use it (its own session waiters first). */
static slot *take_slot(pa_pool *p, const char *session) {
    pthread_mutex_lock(&p->lock);
    slot *s = NULL;
    if (session) {
        slot *mine = &p->slots[fnv1a(session) % p->n];
        mine->waiters++;
        while (!p->closing && mine->busy) pthread_cond_wait(&mine->freed, &p->lock);
        mine->waiters--;
        if (!p->closing) s = mine;
        else if (!mine->busy && !mine->waiters) pthread_cond_signal(&p->idle); /* pass it on */
    } else {
        while (!p->closing) {
            for (unsigned i = 0; i < p->n && !s; i++)
                if (!p->slots[i].busy && !p->slots[i].waiters) s = &p->slots[i];
            if (s) break;
            pthread_cond_wait(&p->idle, &p->lock);
        }
    }
    if (s) s->busy = true;
    pthread_mutex_unlock(&p->lock);
    if (s) pthread_mutex_lock(&s->run);
    return s;
}

static void give_slot(pa_pool *p, slot *s) {
    pthread_mutex_unlock(&s->run);
    pthread_mutex_lock(&p->lock);
    s->busy = false;
    if (s->waiters) pthread_cond_signal(&s->freed);
    else pthread_cond_signal(&p->idle);
    pthread_mutex_unlock(&p->lock);
}

static void set_failure(pa_result *r, pa_status st, int code, const char *type, const char *msg) {
    free(r->error_type);
    free(r->error_message);
    free(r->traceback);
    r->status = st;
    r->exit_code = code;
    r->error_type = strdup(type);
    r->error_message = strdup(msg);
    r->error_message_len = r->error_message ? strlen(msg) : 0;
    r->traceback = strdup("");
    r->traceback_len = 0;
}

/* Append worker output to a capped result buffer (the worker caps too,
** but its word is not taken for it). */
static void keep_output(pa_buffer *b, size_t cap, const uint8_t *d, size_t n) {
    size_t room = b->len < cap + sizeof TRUNC_MARKER ? cap + sizeof TRUNC_MARKER - b->len : 0;
    if (n > room) { n = room; b->truncated = true; }
    if (!n) return;
    char *nd = realloc(b->data, b->len + n + 1);
    if (!nd) { b->truncated = true; return; }
    memcpy(nd + b->len, d, n);
    b->data = nd;
    b->len += n;
    b->data[b->len] = 0;
}

int pa_pool_exec(pa_pool *p, const pa_pool_request *req, pa_result *res,
                 pa_session_outcome *outcome, bool *has_session) {
    memset(res, 0, sizeof *res);
    memset(outcome, 0, sizeof *outcome);
    *has_session = false;
    double t0 = now_ms();
    const char *session = req->session && req->session[0] ? req->session : NULL;
    slot *s = take_slot(p, session);
    if (!s) {
        set_failure(res, PA_STATUS_KILLED, PA_EXIT_KILLED, "EngineError", "the worker pool is shutting down");
        return -1;
    }
    size_t cap = req->output_cap ? req->output_cap : DEFAULT_OUTPUT_CAP;
    char err[256];
    if (s->fd < 0 && start_worker(p, s, err, sizeof err)) {
        set_failure(res, PA_STATUS_KILLED, PA_EXIT_KILLED, "EngineError", err);
        goto done;
    }
    pa_wire_exec e = {
        .session = session, .code = req->code, .code_len = req->code_len, .filename = req->filename,
        .stdin_data = req->stdin_data, .stdin_len = req->stdin_len,
        .timeout_ms = (uint32_t)(req->timeout_s * 1000), .memory_mb = req->memory_mb, .output_cap = cap,
    };
    pa_buf b = {0};
    pa_wire_exec_encode(&b, &e);
    int sent = !b.oom && b.len <= PA_FRAME_MAX && pa_frame_write(s->fd, PA_FRAME_EXEC, b.p, b.len) == 0;
    pa_buf_free(&b);
    double deadline = now_ms() + (req->timeout_s + p->cfg.grace_s) * 1e3;
    bool got = false, timed_out = false;
    while (sent && !got) {
        uint32_t type;
        uint8_t *f = NULL;
        size_t n = 0;
        int rc = read_frame(s->fd, deadline, &type, &f, &n);
        if (rc == -2) { timed_out = true; break; }
        if (rc) break;
        if (type == PA_FRAME_OUTPUT && n >= 1 && (f[0] == 1 || f[0] == 2)) {
            pa_buffer *ob = f[0] == 1 ? &res->out : &res->err;
            size_t before = ob->len;
            keep_output(ob, cap, f + 1, n - 1);
            if (req->on_output && ob->len > before)
                req->on_output(req->output_ud, f[0], (const uint8_t *)ob->data + before, ob->len - before);
        } else if (type == PA_FRAME_RESULT) {
            bool out_t = res->out.truncated, err_t = res->err.truncated;
            got = pa_wire_result_decode(f, n, res, outcome, has_session) == 0;
            res->out.truncated |= out_t;
            res->err.truncated |= err_t;
        } else {
            free(f);
            break; /* a frame a worker has no business sending */
        }
        free(f);
    }
    if (!got) {
        /* Past the deadline, dead, or talking nonsense: it goes. */
        int status = 0;
        pid_t pid = s->pid;
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        s->pid = 0;
        close(s->fd);
        s->fd = -1;
        pthread_mutex_lock(&p->lock);
        p->replaced++;
        pthread_mutex_unlock(&p->lock);
        char msg[160];
        if (timed_out) {
            snprintf(msg, sizeof msg, "execution exceeded the time limit of %g s; the worker was killed", req->timeout_s);
            set_failure(res, PA_STATUS_TIMEOUT, PA_EXIT_TIMEOUT, "Timeout", msg);
        } else {
            int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
            snprintf(msg, sizeof msg, "the worker process died%s%s", sig == SIGSYS ? " (a forbidden system call)" : "",
                     sig && sig != SIGSYS && sig != SIGKILL ? " (signal)" : "");
            set_failure(res, PA_STATUS_KILLED, PA_EXIT_KILLED, "Killed", msg);
        }
        if (session) { /* its file still has the state before this call */
            *has_session = true;
            outcome->rolled_back = true;
        }
        start_worker(p, s, err, sizeof err); /* a failure is retried by the next run */
    }
done:
    for (int i = 0; i < 2; i++) { /* results always carry strings */
        pa_buffer *ob = i ? &res->err : &res->out;
        if (ob->truncated && !(ob->len >= sizeof TRUNC_MARKER - 1 &&
                               !memcmp(ob->data + ob->len - (sizeof TRUNC_MARKER - 1), TRUNC_MARKER, sizeof TRUNC_MARKER - 1)))
            keep_output(ob, cap + sizeof TRUNC_MARKER, (const uint8_t *)TRUNC_MARKER, sizeof TRUNC_MARKER - 1);
        if (!ob->data) ob->data = calloc(1, 1);
    }
    res->duration_ms = res->duration_ms ? res->duration_ms : now_ms() - t0;
    give_slot(p, s);
    return 0;
}

int pa_pool_drop(pa_pool *p, const char *id) {
    if (pa_store_check_id(id)) return -EINVAL;
    slot *s = take_slot(p, id);
    if (!s) return -EIO;
    char err[256];
    int rc = -EIO;
    if (s->fd >= 0 || start_worker(p, s, err, sizeof err) == 0) {
        uint32_t type;
        uint8_t *f = NULL;
        size_t n = 0;
        if (pa_frame_write(s->fd, PA_FRAME_DROP, id, strlen(id)) == 0 &&
            read_frame(s->fd, now_ms() + 10000, &type, &f, &n) == 0 && type == PA_FRAME_DROPPED && n == 4)
            rc = (int32_t)((uint32_t)f[0] | (uint32_t)f[1] << 8 | (uint32_t)f[2] << 16 | (uint32_t)f[3] << 24);
        free(f);
        if (rc != 0 && rc != -ENOENT && rc != -EINVAL) { /* a worker that misbehaves goes */
            stop_worker(s);
            rc = -EIO;
        }
    }
    give_slot(p, s);
    return rc;
}
